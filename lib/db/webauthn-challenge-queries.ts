import type { Db } from "./client";
import type { WebAuthnChallengePurpose } from "./schema";

// WebAuthn challenges (passkeys): issued by the server, single use, short-lived, each for one
// purpose (and, but for sign-in, one account). Burnt by the DELETE that checks them, so a replayed
// response finds nothing to burn.

/** Outstanding challenges an account may hold per purpose; asking for more drops the oldest. */
export const MAX_OUTSTANDING_CHALLENGES = 10;

export async function insertWebAuthnChallenge({
  db,
  challenge,
  purpose,
  userId,
  expiresAt,
  now,
}: {
  db: Db;
  challenge: string;
  purpose: WebAuthnChallengePurpose;
  userId: string | null;
  expiresAt: number;
  now: number;
}): Promise<void> {
  await db.deleteFrom("webauthn_challenges").where("expires_at", "<=", now).execute();
  await db.insertInto("webauthn_challenges").values({ challenge, purpose, user_id: userId, expires_at: expiresAt }).execute();
  if (userId === null) return;
  await db
    .deleteFrom("webauthn_challenges")
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("challenge", "not in", (eb) =>
      eb.selectFrom("webauthn_challenges").select("challenge").where("user_id", "=", userId).where("purpose", "=", purpose).orderBy("expires_at", "desc").limit(MAX_OUTSTANDING_CHALLENGES),
    )
    .execute();
}

/** Burns a live challenge issued for this purpose (and account, unless sign-in). True exactly once. */
export async function consumeWebAuthnChallenge({ db, challenge, purpose, userId, now }: { db: Db; challenge: string; purpose: WebAuthnChallengePurpose; userId: string | null; now: number }): Promise<boolean> {
  let query = db.deleteFrom("webauthn_challenges").where("challenge", "=", challenge).where("purpose", "=", purpose).where("expires_at", ">", now);
  query = userId === null ? query.where("user_id", "is", null) : query.where("user_id", "=", userId);
  return (await query.returning("challenge").executeTakeFirst()) !== undefined;
}
