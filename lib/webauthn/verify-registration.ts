/**
 * Verifies a passkey registration (WebAuthn L3 §7.1) for our relying party: the client data's
 * type, origin and challenge, the attestation object's authenticator data (rpId hash, UP, UV,
 * attested credential data), that the credential id is the one the browser reported, and that its
 * public key is one we accept. Attestation is "none" (we ask for none and trust no attestation
 * statement), so `fmt` and `attStmt` are not evaluated.
 */
import { encodeBase64Url } from "../crypto/encoding";
import { equalBytes } from "../crypto/compare";
import { parseAuthenticatorData } from "./authenticator-data";
import { decodeCbor, expectCborMap } from "./cbor";
import { checkCeremonyClientData, checkRpAndUser, fieldBytes } from "./ceremony-checks";
import { parseCoseKey } from "./cose-key";
import type { RelyingParty } from "./relying-party";
import { WebAuthnError } from "./webauthn-error";

export interface RegistrationResponse {
  id: string;
  clientDataJSON: string;
  attestationObject: string;
}

export interface VerifiedRegistration {
  credentialId: string;
  /** The COSE_Key, base64url: what is stored and checked at every assertion. */
  publicKey: string;
  signCount: number;
}

function authenticatorDataOf(attestationObject: Uint8Array): Uint8Array {
  const attestation = expectCborMap(decodeCbor(attestationObject), "the attestation object");
  const authData = attestation.get("authData");
  if (!(authData instanceof Uint8Array) || typeof attestation.get("fmt") !== "string") throw new WebAuthnError("malformed", "attestation object: no fmt or authData");
  return authData;
}

export function verifyRegistration({ response, challenge, rp }: { response: RegistrationResponse; challenge: string; rp: RelyingParty }): VerifiedRegistration {
  checkCeremonyClientData({ clientDataJSON: fieldBytes(response.clientDataJSON, "clientDataJSON"), type: "webauthn.create", rp, challenge });
  const data = parseAuthenticatorData(authenticatorDataOf(fieldBytes(response.attestationObject, "attestationObject")));
  checkRpAndUser({ data, rp });
  if (!data.attested) throw new WebAuthnError("malformed", "The registration carries no credential.");
  if (!equalBytes(data.attested.credentialId, fieldBytes(response.id, "id"))) throw new WebAuthnError("wrong_credential", "The credential id does not match the authenticator data.");
  parseCoseKey(data.attested.publicKey);
  return { credentialId: encodeBase64Url(data.attested.credentialId), publicKey: encodeBase64Url(data.attested.publicKey), signCount: data.signCount };
}
