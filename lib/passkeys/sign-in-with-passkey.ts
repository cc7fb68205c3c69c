// Sign in with a passkey (decision 020): any of the person's passkeys for this site (discoverable
// credentials), verified by the server, which answers with the URL that sets the session, the
// same one the emailed code leads to. The browser goes there next.
import { ApiError } from "../http/client-json";
import { passkeyApi } from "./passkey-api";
import { asPasskeyUserError } from "./passkey-user-error";
import { forgetPasskey, getPasskeyAssertion, type PasskeyAssertion } from "./webauthn-browser";

/** Returns where to go to finish signing in. */
export async function signInWithPasskey({ callbackUrl }: { callbackUrl: string }): Promise<string> {
  const { challenge, rpId } = await passkeyApi.signInOptions();
  let assertion: PasskeyAssertion;
  try {
    assertion = await getPasskeyAssertion({ challenge, rpId });
  } catch (error) {
    throw asPasskeyUserError(error);
  }
  try {
    return (await passkeyApi.signIn({ credential: assertion.response, callbackUrl })).next;
  } catch (error) {
    // A passkey we no longer know (removed, or its vault reset): the browser may stop offering it.
    if (error instanceof ApiError && error.code === "not_found") forgetPasskey({ rpId, credentialId: assertion.response.id });
    throw error;
  }
}
