import { AppError } from "../errors/app-error";
import { isWebAuthnError, type WebAuthnErrorCode } from "../webauthn/webauthn-error";

// WebAuthn refusals as the app's one error type: a malformed response is a bad request, anything
// that fails a check is forbidden, with the verifier's message (written for the person).

const malformedCodes: WebAuthnErrorCode[] = ["malformed"];

/** An AppError for a WebAuthnError; anything else passes through unchanged. */
export function toPasskeyError(error: unknown): unknown {
  if (!isWebAuthnError(error)) return error;
  return new AppError({ code: malformedCodes.includes(error.code) ? "bad_request" : "forbidden", field: "credential", message: error.message });
}

export const unknownPasskey = () =>
  new AppError({ code: "not_found", field: "credential", message: "This passkey is not registered with 1Relay (it may have been removed). Sign in with an emailed code instead." });

export const staleChallenge = () => new AppError({ code: "forbidden", field: "credential", message: "This passkey request has expired or was already used. Try again." });
