import "server-only";
import { emailTransportFor } from "../auth/auth";
import { generateSignInCode } from "../auth/sign-in-code";
import { createDb } from "../db/client";
import { replaceEmailConfirmation } from "../db/email-confirmation-queries";
import { hitRateLimit } from "../db/rate-limits";
import type { EmailConfirmationPurpose } from "../db/schema";
import { buildConfirmationEmail } from "../email/confirmation-email";
import { sendEmail } from "../email/send-email";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { checkEmailConfirmation, hashConfirmationCode } from "./confirmation-check";

// "A fresh emailed code" (security model v1.1): what a stolen session cookie alone must never do
// (install the first vault signing key, reset the vault, delete the account) also needs a code
// sent to the account's address just now. Codes are stored hashed with the purpose, the account
// and AUTH_SECRET, so one purpose's code is useless for another and for another account.

export const CONFIRMATION_TTL_MS = 10 * 60_000;
const REQUESTS_PER_WINDOW = { limit: 5, windowMs: 15 * 60_000 };

/** Emails a new code for `purpose` to the account's address (the previous one stops working). */
export async function requestEmailConfirmation({ userId, email, purpose, now = Date.now() }: { userId: string; email: string; purpose: EmailConfirmationPurpose; now?: number }): Promise<void> {
  const env = getServerEnv();
  const db = createDb(env.DB);
  const decision = await hitRateLimit({ db, key: `email-confirmation:${userId}`, ...REQUESTS_PER_WINDOW, now });
  if (!decision.allowed) throw new AppError({ code: "rate_limited", retryAfter: decision.retryAfterSeconds, message: "Too many confirmation codes were asked for. Use the last one you received, or try again later." });
  const code = generateSignInCode((n) => crypto.getRandomValues(new Uint8Array(n)));
  await replaceEmailConfirmation({ db, userId, purpose, codeHash: hashConfirmationCode({ userId, purpose, code, secret: env.AUTH_SECRET }), expiresAt: now + CONFIRMATION_TTL_MS });
  await sendEmail({ transport: emailTransportFor(env), message: buildConfirmationEmail({ to: email, code, purpose, minutes: CONFIRMATION_TTL_MS / 60_000 }) });
}

/** Uses up the account's code for `purpose`, or throws a message the person can act on. */
export async function requireEmailConfirmation({ userId, purpose, code, now = Date.now() }: { userId: string; purpose: EmailConfirmationPurpose; code: unknown; now?: number }): Promise<void> {
  const env = getServerEnv();
  await checkEmailConfirmation({ db: createDb(env.DB), secret: env.AUTH_SECRET, userId, purpose, code, now });
}
