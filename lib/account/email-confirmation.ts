import "server-only";
import { emailTransportFor } from "../auth/auth";
import { sha256Hex } from "../auth/hash";
import { generateSignInCode, normalizeSignInCode } from "../auth/sign-in-code";
import { createDb } from "../db/client";
import { consumeEmailConfirmation, replaceEmailConfirmation } from "../db/email-confirmation-queries";
import { hitRateLimit } from "../db/rate-limits";
import type { EmailConfirmationPurpose } from "../db/schema";
import { buildConfirmationEmail } from "../email/confirmation-email";
import { sendEmail } from "../email/send-email";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";

// "A fresh emailed code" (security model v1.1): what a stolen session cookie alone must never do
// (install the first vault signing key, reset the vault, delete the account) also needs a code
// sent to the account's address just now. Codes are stored hashed with the purpose, the account
// and AUTH_SECRET, so one purpose's code is useless for another and for another account.

export const CONFIRMATION_TTL_MS = 10 * 60_000;
const REQUESTS_PER_WINDOW = { limit: 5, windowMs: 15 * 60_000 };

function hashConfirmationCode({ userId, purpose, code, secret }: { userId: string; purpose: EmailConfirmationPurpose; code: string; secret: string }): string {
  return sha256Hex(`1relay/v1/email-confirmation\u0000${purpose}\u0000${userId}\u0000${code}\u0000${secret}`);
}

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
  const normalized = typeof code === "string" ? normalizeSignInCode(code) : null;
  const fail = (message: string, status: "bad_request" | "forbidden" = "forbidden") => new AppError({ code: status, field: "emailCode", message });
  if (!normalized) throw fail("Type the 8-character code we just emailed you, like 7KQ2-M9XD.", "bad_request");
  const env = getServerEnv();
  const result = await consumeEmailConfirmation({ db: createDb(env.DB), userId, purpose, codeHash: hashConfirmationCode({ userId, purpose, code: normalized, secret: env.AUTH_SECRET }), now });
  switch (result.status) {
    case "ok":
      return;
    case "wrong":
      throw fail(`That code is not right. ${result.attemptsLeft} ${result.attemptsLeft === 1 ? "try" : "tries"} left.`);
    case "locked":
      throw fail("Too many wrong codes. Ask for a new code.");
    case "expired":
      throw fail("That code has expired. Ask for a new one.");
    case "none":
      throw fail("Ask for a confirmation code first: we email it to you.");
  }
}
