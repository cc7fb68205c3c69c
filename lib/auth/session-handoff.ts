import "server-only";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { createDb } from "../db/client";
import { getServerEnv } from "../env/server-env";
import { hashSignInToken } from "./hash";
import { savePendingSignIn } from "./pending-sign-in";
import { replaceVerificationToken } from "./verification-tokens";

// A sign-in proven another way than the emailed code (a passkey's verified assertion) finishes
// exactly as the emailed code does (decision 020): a one-time token for the account's address,
// stored hashed with AUTH_SECRET as Auth.js stores its email tokens, which Auth.js's own email
// callback uses up to create the database session and its cookie. This browser's pending sign-in
// cookie goes with it, so the callback does not stop at "you are signing in as …".

/** The token lives two minutes: the browser goes to the callback at once. */
export const HANDOFF_TTL_MS = 2 * 60_000;

/** Issues the one-time token (128 random bits) and returns the Auth.js callback URL that uses it. */
export async function handOffSession({ email, callbackPath, now = Date.now() }: { email: string; callbackPath: string; now?: number }): Promise<string> {
  const env = getServerEnv();
  const token = encodeHex(randomBytes(16));
  await replaceVerificationToken({ db: createDb(env.DB), identifier: email, tokenHash: hashSignInToken({ token, secret: env.AUTH_SECRET }), expires: now + HANDOFF_TTL_MS });
  await savePendingSignIn({ email, callbackPath });
  return `/api/auth/callback/email?${new URLSearchParams({ callbackUrl: callbackPath, token, email })}`;
}
