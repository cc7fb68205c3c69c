import "server-only";
import { audit } from "../audit/record-audit";
import { safeCallbackPath } from "../auth/safe-callback";
import { handOffSession } from "../auth/session-handoff";
import { createDb } from "../db/client";
import { readPasskeyForSignIn } from "../db/passkey-queries";
import { hitRateLimit } from "../db/rate-limits";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { relyingPartyFor } from "../webauthn/relying-party";
import { burnChallenge, issueChallenge } from "./challenges";
import { unknownPasskey } from "./passkey-errors";
import { verifyPasskeyUse } from "./passkey-use";
import type { AssertionOptions, AssertionResponseWire } from "./wire";

// Signing in with a passkey (decision 020): our route verifies the assertion of a discoverable
// credential against the stored public key (challenge single-use and server-stored, origin, rpId
// hash, UP and UV, signature, counter, user handle), then the session is made the way the emailed
// code makes it (lib/auth/session-handoff.ts). The emailed code stays the fallback.

const IP_WINDOW_MS = 15 * 60_000;

/** A sign-in challenge: nobody is signed in yet, so each client address gets a bounded number (SIGNIN_VERIFY_PER_IP per 15 minutes). */
export async function signInOptions({ clientIp, now = Date.now() }: { clientIp: string | null; now?: number }): Promise<AssertionOptions> {
  const env = getServerEnv();
  const db = createDb(env.DB);
  if (clientIp) {
    const decision = await hitRateLimit({ db, key: `signin-passkey-ip:${clientIp}`, limit: env.SIGNIN_VERIFY_PER_IP, windowMs: IP_WINDOW_MS, now });
    if (!decision.allowed) throw new AppError({ code: "rate_limited", retryAfter: decision.retryAfterSeconds, message: "Too many sign-in attempts from your network. Try again in a few minutes." });
  }
  return { ...(await issueChallenge({ db, purpose: "sign_in", userId: null, now })), rpId: relyingPartyFor(env.PUBLIC_URL).id };
}

/** Verifies the passkey and answers with the URL that finishes the sign-in (Auth.js's callback). */
export async function signInWithPasskey({ response, callbackUrl }: { response: AssertionResponseWire; callbackUrl: unknown }): Promise<{ next: string }> {
  const env = getServerEnv();
  const db = createDb(env.DB);
  const rp = relyingPartyFor(env.PUBLIC_URL);
  const stored = await readPasskeyForSignIn({ db, credentialId: response.id });
  if (!stored) {
    // The challenge is used up all the same: one try per challenge.
    await burnChallenge({ db, clientDataJSON: response.clientDataJSON, type: "webauthn.get", rp, purpose: "sign_in", userId: null }).catch(() => {});
    throw unknownPasskey();
  }
  await verifyPasskeyUse({ db, rp, response, stored, purpose: "sign_in", challengeOwner: null });
  await audit(stored.userId, "passkey_sign_in", { name: stored.name });
  return { next: await handOffSession({ email: stored.email, callbackPath: safeCallbackPath(callbackUrl) }) };
}
