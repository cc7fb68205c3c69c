import { sha256Hex } from "../auth/hash";
import { normalizeSignInCode } from "../auth/sign-in-code";
import type { Db } from "../db/client";
import { consumeEmailConfirmation } from "../db/email-confirmation-queries";
import type { EmailConfirmationPurpose } from "../db/schema";
import { AppError } from "../errors/app-error";

// Checking a fresh emailed code (security model v1.1), without the request's context: the caller
// passes the database and AUTH_SECRET (lib/account/email-confirmation.ts in the app).

export function hashConfirmationCode({ userId, purpose, code, secret }: { userId: string; purpose: EmailConfirmationPurpose; code: string; secret: string }): string {
  return sha256Hex(`1relay/v1/email-confirmation\u0000${purpose}\u0000${userId}\u0000${code}\u0000${secret}`);
}

/** Uses up the account's code for `purpose`, or throws a message the person can act on. */
export async function checkEmailConfirmation({ db, secret, userId, purpose, code, now }: { db: Db; secret: string; userId: string; purpose: EmailConfirmationPurpose; code: unknown; now: number }): Promise<void> {
  const normalized = typeof code === "string" ? normalizeSignInCode(code) : null;
  const fail = (message: string, status: "bad_request" | "forbidden" = "forbidden") => new AppError({ code: status, field: "emailCode", message });
  if (!normalized) throw fail("Type the 8-character code we just emailed you, like 7KQ2-M9XD.", "bad_request");
  const result = await consumeEmailConfirmation({ db, userId, purpose, codeHash: hashConfirmationCode({ userId, purpose, code: normalized, secret }), now });
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
