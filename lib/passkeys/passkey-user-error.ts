import { VaultUserError } from "../vault/vault-store";
import { describeWebAuthnFailure } from "./webauthn-browser";

// What the person reads when a passkey step fails in the browser.

export const NO_PRF_MESSAGE =
  "This passkey cannot unlock your vault: its authenticator does not support the WebAuthn PRF extension, so it was not saved. Use another authenticator (a recent phone or computer's built-in passkeys, or a FIDO2 security key with hmac-secret), or keep using your master password.";

/** navigator.credentials failures as a VaultUserError; anything else unchanged. */
export function asPasskeyUserError(error: unknown): unknown {
  const message = describeWebAuthnFailure(error);
  return message ? new VaultUserError(message) : error;
}
