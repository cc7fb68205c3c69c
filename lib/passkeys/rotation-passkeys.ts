// Vault key rotation and passkeys: a passkey's copy of VK is wrapped under a key only its
// authenticator can give back (PRK, from the PRF), so rotation needs each passkey touched once
// before it runs. Touched passkeys hold their PRK here (memory only, checked against the current
// vault key, wiped on lock and after the rotation); the rotation wraps the new VK under each, and
// every passkey not touched is removed in the same batch (its copy would hold the old key).
import { wipeBytes } from "../crypto/bytes";
import { equalBytes } from "../crypto/compare";
import { getVaultSnapshot, subscribeVault, VaultUserError, withVaultKey } from "../vault/vault-store";
import { openVaultKeyWithPasskeyKey, passkeyWrapKey, wrapVaultKeyWithPasskeyKey } from "./passkey-crypto";
import { currentPasskeys } from "./passkey-store";
import { reportPasskeyUse, touchAccountPasskey } from "./unlock-with-passkey";

const held = new Map<string, Uint8Array>();
const listeners = new Set<() => void>();
let heldIds: ReadonlySet<string> = new Set();

function changed(): void {
  heldIds = new Set(held.keys());
  for (const listener of listeners) listener();
}

export function subscribeHeldPasskeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The passkeys touched for the next rotation. */
export function getHeldPasskeys(): ReadonlySet<string> {
  return heldIds;
}

/** Wipes every held PRK. */
export function releaseHeldPasskeys(): void {
  for (const key of held.values()) wipeBytes(key);
  held.clear();
  changed();
}

// Locking (here, in another tab, or idle) wipes them with the vault key.
subscribeVault(() => {
  if (held.size > 0 && getVaultSnapshot().status !== "unlocked") releaseHeldPasskeys();
});

/** One touch of `credentialId`: its PRK is kept for the rotation once it proves to open this vault's key. */
export async function keepPasskeyThroughRotation({ credentialId }: { credentialId: string }): Promise<void> {
  const passkey = (await currentPasskeys()).find((p) => p.credentialId === credentialId);
  if (!passkey) throw new VaultUserError("That passkey is no longer on your account.");
  const touched = await touchAccountPasskey({ passkeys: [passkey] });
  const wrapKey = passkeyWrapKey({ credentialId, prfOutput: touched.prfOutput! });
  wipeBytes(touched.prfOutput!);
  const matches = withVaultKey(({ vaultKey, userId }) => {
    try {
      const opened = openVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, wrappedVaultKey: passkey.wrappedVaultKey });
      const same = equalBytes(opened, vaultKey);
      wipeBytes(opened);
      return same;
    } catch {
      return false;
    }
  });
  if (!matches) {
    wipeBytes(wrapKey);
    throw new VaultUserError("This passkey does not open your current vault key: it will be removed with the rotation.");
  }
  wipeBytes(held.get(credentialId));
  held.set(credentialId, wrapKey);
  changed();
  reportPasskeyUse(touched);
}

/** For rotateVaultKey: the new VK wrapped under each held PRK. */
export function rewrapHeldPasskeys({ userId, vaultKey }: { userId: string; vaultKey: Uint8Array }): { credentialId: string; wrappedVaultKey: string }[] {
  return [...held].map(([credentialId, wrapKey]) => ({ credentialId, wrappedVaultKey: wrapVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, vaultKey }) }));
}
