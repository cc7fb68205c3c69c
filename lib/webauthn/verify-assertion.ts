/**
 * Verifies a passkey assertion (WebAuthn L3 §7.2) against the credential the server stored: the
 * credential id and user handle, the client data's type, origin and challenge, the authenticator
 * data's rpId hash and UP / UV flags, the signature with the stored COSE key, and the signature
 * counter. Returns the counter to store.
 */
import { encodeUtf8 } from "../crypto/encoding";
import { equalBytes } from "../crypto/compare";
import { parseAuthenticatorData } from "./authenticator-data";
import { checkCeremonyClientData, checkRpAndUser, fieldBytes } from "./ceremony-checks";
import { parseCoseKey } from "./cose-key";
import type { RelyingParty } from "./relying-party";
import { assertionSignedData, verifyCredentialSignature } from "./signature";
import { nextSignCount } from "./sign-count";
import { WebAuthnError } from "./webauthn-error";

export interface AssertionResponse {
  id: string;
  clientDataJSON: string;
  authenticatorData: string;
  signature: string;
  userHandle?: string | null;
}

export interface StoredCredential {
  credentialId: string;
  publicKey: string;
  signCount: number;
  /** The account id, which is the credential's user handle (UTF-8). */
  userId: string;
}

export function verifyAssertion({ response, challenge, rp, credential }: { response: AssertionResponse; challenge: string; rp: RelyingParty; credential: StoredCredential }): { signCount: number } {
  if (response.id !== credential.credentialId) throw new WebAuthnError("wrong_credential", "This is not the passkey it claims to be.");
  const clientDataJSON = fieldBytes(response.clientDataJSON, "clientDataJSON");
  checkCeremonyClientData({ clientDataJSON, type: "webauthn.get", rp, challenge });
  const authenticatorData = fieldBytes(response.authenticatorData, "authenticatorData");
  const data = parseAuthenticatorData(authenticatorData);
  checkRpAndUser({ data, rp });
  if (response.userHandle != null && !equalBytes(fieldBytes(response.userHandle, "userHandle"), encodeUtf8(credential.userId))) {
    throw new WebAuthnError("wrong_credential", "This passkey belongs to another account.");
  }
  const key = parseCoseKey(fieldBytes(credential.publicKey, "publicKey"));
  if (!verifyCredentialSignature({ key, data: assertionSignedData({ authenticatorData, clientDataJSON }), signature: fieldBytes(response.signature, "signature") })) {
    throw new WebAuthnError("bad_signature", "The passkey's signature does not verify.");
  }
  return { signCount: nextSignCount({ stored: credential.signCount, received: data.signCount }) };
}
