/**
 * The signature counter (WebAuthn L3 §6.1.1, §7.2 step 22). An authenticator that counts must
 * present a larger count each time: one that does not means a cloned authenticator or a replayed
 * response, and is refused. Authenticators that do not count (synced passkeys) always say 0: then
 * there is nothing to compare, and 0 stays 0.
 */
import { WebAuthnError } from "./webauthn-error";

/** The count to store after this assertion; WebAuthnError "counter_regressed" if it did not go up. */
export function nextSignCount({ stored, received }: { stored: number; received: number }): number {
  if (received === 0 && stored === 0) return 0;
  if (received <= stored) throw new WebAuthnError("counter_regressed", "This passkey's signature counter went back: the response was replayed, or the authenticator was cloned.");
  return received;
}
