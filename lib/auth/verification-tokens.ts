import type { Db } from "../db/client";
import { equalsConstantTime } from "./hash";
import { MAX_CODE_ATTEMPTS } from "./sign-in-code";

export type CodeCheck =
  | { status: "ok" }
  | { status: "wrong"; attemptsLeft: number }
  | { status: "expired" }
  | { status: "locked" }
  | { status: "none" };

/** Stores a new sign-in code for an address, replacing any earlier one (only the newest works). */
export async function replaceVerificationToken({
  db,
  identifier,
  tokenHash,
  expires,
}: {
  db: Db;
  identifier: string;
  tokenHash: string;
  expires: number;
}): Promise<void> {
  await db.deleteFrom("verification_tokens").where("identifier", "=", identifier).execute();
  await db.insertInto("verification_tokens").values({ identifier, token: tokenHash, expires }).execute();
}

/**
 * Checks a typed code against the address's outstanding code without using it up.
 * A wrong code counts an attempt; the last allowed wrong attempt deletes the code.
 */
export async function checkVerificationToken({
  db,
  identifier,
  tokenHash,
  now,
}: {
  db: Db;
  identifier: string;
  tokenHash: string;
  now: number;
}): Promise<CodeCheck> {
  const row = await db
    .selectFrom("verification_tokens")
    .select(["token", "expires", "attempts"])
    .where("identifier", "=", identifier)
    .executeTakeFirst();
  if (!row) return { status: "none" };
  if (row.attempts >= MAX_CODE_ATTEMPTS) return { status: "locked" };
  if (row.expires < now) return { status: "expired" };
  if (equalsConstantTime(row.token, tokenHash)) return { status: "ok" };
  const attempts = await countWrongAttempt({ db, identifier });
  return attempts >= MAX_CODE_ATTEMPTS ? { status: "locked" } : { status: "wrong", attemptsLeft: MAX_CODE_ATTEMPTS - attempts };
}

/**
 * Uses up the address's code if `tokenHash` matches and attempts remain
 * (Auth.js calls this from the link or after the typed code was checked).
 * A mismatch counts as a wrong attempt, so the link endpoint cannot be used to guess.
 */
export async function consumeVerificationToken({
  db,
  identifier,
  tokenHash,
}: {
  db: Db;
  identifier: string;
  tokenHash: string;
}): Promise<{ identifier: string; expires: number } | null> {
  const row = await db
    .selectFrom("verification_tokens")
    .select(["token", "expires", "attempts"])
    .where("identifier", "=", identifier)
    .executeTakeFirst();
  if (!row || row.attempts >= MAX_CODE_ATTEMPTS) return null;
  if (!equalsConstantTime(row.token, tokenHash)) {
    await countWrongAttempt({ db, identifier });
    return null;
  }
  // Delete with the token in the condition: of two concurrent uses, one wins.
  const deleted = await db
    .deleteFrom("verification_tokens")
    .where("identifier", "=", identifier)
    .where("token", "=", tokenHash)
    .returning(["expires"])
    .executeTakeFirst();
  return deleted ? { identifier, expires: deleted.expires } : null;
}

async function countWrongAttempt({ db, identifier }: { db: Db; identifier: string }): Promise<number> {
  const updated = await db
    .updateTable("verification_tokens")
    .set((eb) => ({ attempts: eb("attempts", "+", 1) }))
    .where("identifier", "=", identifier)
    .returning(["attempts"])
    .executeTakeFirst();
  return updated?.attempts ?? MAX_CODE_ATTEMPTS;
}
