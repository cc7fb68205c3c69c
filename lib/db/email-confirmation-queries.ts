import type { Db } from "./client";
import type { EmailConfirmationPurpose } from "./schema";

// Fresh emailed codes that confirm an action a session cookie alone must not do (security model
// v1.1). One outstanding code per account and purpose; like sign-in codes, every guess is counted
// and judged in one statement, and five wrong ones burn the code.

export const MAX_CONFIRMATION_ATTEMPTS = 5;

export type ConfirmationCheck = { status: "ok" } | { status: "wrong"; attemptsLeft: number } | { status: "locked" } | { status: "expired" } | { status: "none" };

export async function replaceEmailConfirmation({ db, userId, purpose, codeHash, expiresAt }: { db: Db; userId: string; purpose: EmailConfirmationPurpose; codeHash: string; expiresAt: number }): Promise<void> {
  await db
    .insertInto("email_confirmations")
    .values({ user_id: userId, purpose, code_hash: codeHash, expires_at: expiresAt, attempts: 0 })
    .onConflict((oc) => oc.columns(["user_id", "purpose"]).doUpdateSet({ code_hash: codeHash, expires_at: expiresAt, attempts: 0 }))
    .execute();
}

/** Uses up the code if it is right, live and not burnt; a wrong guess is counted in the same statement. */
export async function consumeEmailConfirmation({ db, userId, purpose, codeHash, now }: { db: Db; userId: string; purpose: EmailConfirmationPurpose; codeHash: string; now: number }): Promise<ConfirmationCheck> {
  const guess = await db
    .updateTable("email_confirmations")
    .set((eb) => ({ attempts: eb("attempts", "+", eb.case().when("code_hash", "=", codeHash).then(0).else(1).end()) }))
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("attempts", "<", MAX_CONFIRMATION_ATTEMPTS)
    .where("expires_at", ">", now)
    .returning((eb) => ["attempts", eb("code_hash", "=", codeHash).as("ok")])
    .executeTakeFirst();
  if (guess?.ok) {
    const used = await db.deleteFrom("email_confirmations").where("user_id", "=", userId).where("purpose", "=", purpose).where("code_hash", "=", codeHash).returning("user_id").executeTakeFirst();
    return used ? { status: "ok" } : { status: "none" };
  }
  if (guess) return guess.attempts >= MAX_CONFIRMATION_ATTEMPTS ? { status: "locked" } : { status: "wrong", attemptsLeft: MAX_CONFIRMATION_ATTEMPTS - guess.attempts };
  const row = await db.selectFrom("email_confirmations").select("attempts").where("user_id", "=", userId).where("purpose", "=", purpose).executeTakeFirst();
  if (!row) return { status: "none" };
  return row.attempts >= MAX_CONFIRMATION_ATTEMPTS ? { status: "locked" } : { status: "expired" };
}
