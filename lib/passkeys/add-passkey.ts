// Settings → Passkeys → Add (security model v1.1, "Passkey unlock"): create a discoverable,
// user-verifying passkey with the PRF extension and a fresh random salt, derive PRK from its PRF
// output here, wrap VK under it, and send the registration with the envelope as a signed action
// (`vault.passkey.add`). An authenticator without PRF is refused and nothing is saved.
import { wipeBytes } from "../crypto/bytes";
import { encodeBase64Url } from "../crypto/encoding";
import { PRF_SALT_BYTES } from "../crypto/passkey-key";
import { randomBytes } from "../crypto/random";
import { ApiError } from "../http/client-json";
import { SIGNED_ACTIONS, signedParams } from "../vault/signed-actions";
import { signVaultAction, VaultUserError, withVaultKey } from "../vault/vault-store";
import { passkeyApi } from "./passkey-api";
import { wrapVaultKeyForPasskey } from "./passkey-crypto";
import { getPasskeySnapshot, setPasskeys } from "./passkey-store";
import { asPasskeyUserError, NO_PRF_MESSAGE } from "./passkey-user-error";
import { createPasskey, forgetPasskey, getPasskeyAssertion, type CreatedPasskey } from "./webauthn-browser";
import { passkeyNameSchema, type PasskeyRecord, type RegistrationOptions } from "./wire";

/** The PRF output of the new passkey: from creation, or (authenticators that cannot evaluate it then) one more touch. */
async function prfOutputOf({ created, options, prfSalt }: { created: CreatedPasskey; options: RegistrationOptions; prfSalt: string }): Promise<Uint8Array | null> {
  if (created.prfOutput || !created.prfEnabled) return created.prfOutput;
  // A local challenge: this assertion only evaluates the PRF and goes nowhere.
  const { prfOutput } = await getPasskeyAssertion({ challenge: encodeBase64Url(randomBytes(32)), rpId: options.rp.id, allow: [{ credentialId: created.response.id, prfSalt }] });
  return prfOutput;
}

export async function addPasskey({ name }: { name: string }): Promise<PasskeyRecord> {
  const parsedName = passkeyNameSchema.safeParse(name);
  if (!parsedName.success) throw new VaultUserError(parsedName.error.issues[0]?.message ?? "Give the passkey a name.");
  withVaultKey(() => undefined); // unlocked, or "Unlock your vault first"
  const options = await passkeyApi.registrationOptions();
  const saltBytes = randomBytes(PRF_SALT_BYTES);
  const prfSalt = encodeBase64Url(saltBytes);
  let created: CreatedPasskey;
  let prfOutput: Uint8Array | null;
  try {
    created = await createPasskey({ options, prfSalt: saltBytes });
    prfOutput = await prfOutputOf({ created, options, prfSalt });
  } catch (error) {
    throw asPasskeyUserError(error);
  }
  const credentialId = created.response.id;
  if (!prfOutput) {
    forgetPasskey({ rpId: options.rp.id, credentialId });
    throw new VaultUserError(NO_PRF_MESSAGE);
  }
  try {
    const wrappedVaultKey = withVaultKey(({ vaultKey, userId }) => wrapVaultKeyForPasskey({ userId, credentialId, prfOutput, vaultKey }));
    const body = { credential: created.response, name: parsedName.data, prfSalt, wrappedVaultKey };
    const proof = await signVaultAction({ action: SIGNED_ACTIONS.addPasskey, params: signedParams({ body }) });
    const record = await passkeyApi.add({ ...body, proof });
    setPasskeys([...getPasskeySnapshot().passkeys, record]);
    return record;
  } catch (error) {
    // Refused by the server: the authenticator holds a passkey we will never know. (Not on a
    // network failure: the server may have saved it.)
    if (error instanceof ApiError && error.status < 500) forgetPasskey({ rpId: options.rp.id, credentialId });
    throw error;
  } finally {
    wipeBytes(prfOutput);
  }
}
