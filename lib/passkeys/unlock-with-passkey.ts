// Unlock with a passkey (security model v1.1): one touch gives both the assertion and the PRF
// output of whichever of the account's passkeys the person used (each evaluated with its own
// salt); PRK opens that passkey's wrapped VK here. The server then verifies the assertion and
// records the use; it never sees the PRF output, PRK or VK.
import { wipeBytes } from "../crypto/bytes";
import { isCryptoError } from "../crypto/errors";
import { getVaultSnapshot, unlockWithVaultKey, VaultUserError } from "../vault/vault-store";
import { passkeyApi } from "./passkey-api";
import { openVaultKeyWithPasskey } from "./passkey-crypto";
import { currentPasskeys, markPasskeyUsed } from "./passkey-store";
import { asPasskeyUserError } from "./passkey-user-error";
import { getPasskeyAssertion, type PasskeyAssertion } from "./webauthn-browser";
import type { PasskeyRecord } from "./wire";

/** One touch of one of the account's passkeys, with its PRF evaluated; the server's challenge, its use recorded after. */
export async function touchAccountPasskey({ passkeys }: { passkeys: PasskeyRecord[] }): Promise<PasskeyAssertion & { passkey: PasskeyRecord }> {
  const { challenge, rpId } = await passkeyApi.unlockOptions();
  let assertion: PasskeyAssertion;
  try {
    assertion = await getPasskeyAssertion({ challenge, rpId, allow: passkeys.map((p) => ({ credentialId: p.credentialId, prfSalt: p.prfSalt })) });
  } catch (error) {
    throw asPasskeyUserError(error);
  }
  const passkey = passkeys.find((p) => p.credentialId === assertion.response.id);
  if (!passkey || !assertion.prfOutput) {
    wipeBytes(assertion.prfOutput ?? undefined);
    throw new VaultUserError("Your browser did not give back this passkey's key. Unlock with your master password.");
  }
  return { ...assertion, passkey };
}

/** Reports a verified use to the server (last used, signature counter); the unlock does not wait for it. */
export function reportPasskeyUse(assertion: PasskeyAssertion): void {
  passkeyApi.unlocked(assertion.response).then(
    ({ lastUsedAt }) => markPasskeyUsed({ credentialId: assertion.response.id, lastUsedAt }),
    () => {},
  );
}

export async function unlockWithPasskey(): Promise<void> {
  const { vault, userId } = getVaultSnapshot();
  if (!vault || !userId) throw new VaultUserError("There is no vault to unlock.");
  const passkeys = await currentPasskeys();
  if (passkeys.length === 0) throw new VaultUserError("No passkey can unlock this vault yet. Add one in Settings.");
  const touched = await touchAccountPasskey({ passkeys });
  let vaultKey: Uint8Array;
  try {
    vaultKey = openVaultKeyWithPasskey({ userId, credentialId: touched.passkey.credentialId, prfOutput: touched.prfOutput!, wrappedVaultKey: touched.passkey.wrappedVaultKey });
  } catch (error) {
    if (isCryptoError(error, "decrypt_failed")) throw new VaultUserError("This passkey did not open your vault. Unlock with your master password, then remove the passkey and add it again.");
    throw error;
  } finally {
    wipeBytes(touched.prfOutput!);
  }
  unlockWithVaultKey({ vaultKey });
  reportPasskeyUse(touched);
}
