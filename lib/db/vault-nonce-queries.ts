import type { Db } from "./client";

// Single-use nonces for signed vault requests (security model v1.1). Issued to one account,
// burnt by the DELETE that checks them, so a replayed request finds nothing to burn.

/** Outstanding nonces an account may hold at once; asking for more drops the oldest. */
export const MAX_OUTSTANDING_NONCES = 20;

export async function insertVaultNonce({ db, userId, nonce, expiresAt, now }: { db: Db; userId: string; nonce: string; expiresAt: number; now: number }): Promise<void> {
  await db.insertInto("vault_nonces").values({ nonce, user_id: userId, expires_at: expiresAt }).execute();
  await db
    .deleteFrom("vault_nonces")
    .where("user_id", "=", userId)
    .where((eb) =>
      eb.or([
        eb("expires_at", "<=", now),
        eb("nonce", "not in", eb.selectFrom("vault_nonces").select("nonce").where("user_id", "=", userId).orderBy("expires_at", "desc").limit(MAX_OUTSTANDING_NONCES)),
      ]),
    )
    .execute();
}

/** Burns the account's nonce if it is live. True exactly once per nonce. */
export async function consumeVaultNonce({ db, userId, nonce, now }: { db: Db; userId: string; nonce: string; now: number }): Promise<boolean> {
  const row = await db.deleteFrom("vault_nonces").where("nonce", "=", nonce).where("user_id", "=", userId).where("expires_at", ">", now).returning("nonce").executeTakeFirst();
  return row !== undefined;
}
