import type { Db } from "../db/client";
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
 * One guess at the address's code, decided in a single statement: the attempt is counted (unless
 * it is right) and judged against the limit atomically, so parallel guesses cannot each see
 * "attempts left" before any of them is counted. Returns null when no live code took the guess.
 * The stored value is a hash of the code and a secret, so SQL's comparison leaks nothing useful.
 */
async function judgeGuess({ db, identifier, tokenHash, now }: { db: Db; identifier: string; tokenHash: string; now: number }): Promise<{ ok: boolean; attempts: number; expires: number } | null> {
  const row = await db
    .updateTable("verification_tokens")
    .set((eb) => ({ attempts: eb("attempts", "+", eb.case().when("token", "=", tokenHash).then(0).else(1).end()) }))
    .where("identifier", "=", identifier)
    .where("attempts", "<", MAX_CODE_ATTEMPTS)
    .where("expires", ">=", now)
    .returning((eb) => ["attempts", "expires", eb("token", "=", tokenHash).as("ok")])
    .executeTakeFirst();
  return row ? { ok: Boolean(row.ok), attempts: row.attempts, expires: row.expires } : null;
}

/** Why no live code took a guess (for the message only: the decision was already made). */
async function explainRefusal({ db, identifier }: { db: Db; identifier: string }): Promise<CodeCheck> {
  const row = await db.selectFrom("verification_tokens").select(["attempts"]).where("identifier", "=", identifier).executeTakeFirst();
  if (!row) return { status: "none" };
  return row.attempts >= MAX_CODE_ATTEMPTS ? { status: "locked" } : { status: "expired" };
}

/**
 * Checks a typed code against the address's outstanding code without using it up.
 * A wrong code counts an attempt; after the last allowed one the code no longer works.
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
  const guess = await judgeGuess({ db, identifier, tokenHash, now });
  if (!guess) return explainRefusal({ db, identifier });
  if (guess.ok) return { status: "ok" };
  return guess.attempts >= MAX_CODE_ATTEMPTS ? { status: "locked" } : { status: "wrong", attemptsLeft: MAX_CODE_ATTEMPTS - guess.attempts };
}

/**
 * Uses up the address's code if `tokenHash` matches and attempts remain (Auth.js calls this from
 * the link or after the typed code was checked). A mismatch counts as a wrong attempt, in the
 * same statement that judges it, so the link endpoint cannot be used to guess either. Expiry is
 * left to Auth.js, which reads `expires` and says so.
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
  const guess = await judgeGuess({ db, identifier, tokenHash, now: 0 });
  if (!guess?.ok) return null;
  // Delete with the token in the condition: of two concurrent uses, one wins.
  const deleted = await db
    .deleteFrom("verification_tokens")
    .where("identifier", "=", identifier)
    .where("token", "=", tokenHash)
    .where("attempts", "<", MAX_CODE_ATTEMPTS)
    .returning(["expires"])
    .executeTakeFirst();
  return deleted ? { identifier, expires: deleted.expires } : null;
}
