// Why a WebAuthn registration or assertion was refused (WebAuthn L3 §7.1 and §7.2, in the order
// the steps check them). Data errors only: the route maps them to a message for the person.

export type WebAuthnErrorCode =
  /** Not well-formed: CBOR, authenticator data, client data JSON, COSE key or signature encoding. */
  | "malformed"
  /** clientDataJSON.type is not the ceremony's ("webauthn.create" / "webauthn.get"). */
  | "bad_type"
  /** clientDataJSON.challenge is not the one the server issued. */
  | "bad_challenge"
  /** clientDataJSON.origin is not our public origin, or the request came from a cross-origin frame. */
  | "bad_origin"
  /** The authenticator data's rpIdHash is not SHA-256 of our rpId. */
  | "bad_rp_id"
  /** The UP flag is not set. */
  | "no_user_presence"
  /** The UV flag is not set (a passkey replaces the master password: it must verify the person). */
  | "no_user_verification"
  /** A COSE key of an algorithm we do not accept (only ES256 and EdDSA). */
  | "unsupported_algorithm"
  /** The signature does not verify with the credential's public key. */
  | "bad_signature"
  /** The signature counter did not go up (a cloned authenticator, or a replay). */
  | "counter_regressed"
  /** The credential id or user handle does not match the credential the server knows. */
  | "wrong_credential";

export class WebAuthnError extends Error {
  readonly code: WebAuthnErrorCode;

  constructor(code: WebAuthnErrorCode, message: string) {
    super(message);
    this.name = "WebAuthnError";
    this.code = code;
  }
}

export function isWebAuthnError(error: unknown, code?: WebAuthnErrorCode): error is WebAuthnError {
  return error instanceof WebAuthnError && (code === undefined || error.code === code);
}
