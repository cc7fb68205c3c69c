import { describeUserAgent } from "../auth/describe-user-agent";
import { runBatch } from "./batch";
import { createDb, type Db } from "./client";

// The person's sessions and account-wide deletions, always scoped by user id.

export interface SessionInfo {
  id: string;
  createdAt: number;
  expires: number;
  current: boolean;
  /** "Chrome 156 on macOS" (null: made before sessions recorded it). */
  device: string | null;
  /** The address (and place, when known) it was signed in from. */
  createdFrom: string | null;
}

/** Sessions by a short, non-secret id (the first 12 hex of the stored hash). */
export async function listSessions({ db, userId, currentHash }: { db: Db; userId: string; currentHash: string | null }): Promise<SessionInfo[]> {
  const rows = await db
    .selectFrom("sessions")
    .select(["token_hash", "created_at", "expires", "user_agent", "created_ip", "created_place"])
    .where("user_id", "=", userId)
    .where("expires", ">", Date.now())
    .orderBy("created_at", "desc")
    .execute();
  return rows.map((r) => ({
    id: r.token_hash.slice(0, 12),
    createdAt: r.created_at,
    expires: r.expires,
    current: r.token_hash === currentHash,
    device: r.user_agent === null ? null : describeUserAgent(r.user_agent),
    createdFrom: r.created_ip === null ? null : r.created_place ? `${r.created_ip} (${r.created_place})` : r.created_ip,
  }));
}

/** Signs out every session of the person (or every other one). */
export async function deleteSessions({ db, userId, keepHash }: { db: Db; userId: string; keepHash: string | null }): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepHash) query = query.where("token_hash", "!=", keepHash);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Deletes the account in ONE D1 batch: the user row, and by cascade its vault, keys,
 * connections, grants, usage, apps, sessions, audit. All of it goes, or none of it does.
 */
export async function deleteAccount({ d1, userId }: { d1: D1Database; userId: string }): Promise<void> {
  const db = createDb(d1);
  // Explicit deletes first (D1 enforces the foreign keys, but order keeps each statement small).
  await runBatch({
    d1,
    statements: [
      db.deleteFrom("usage_records").where("user_id", "=", userId),
      db.deleteFrom("connections").where("user_id", "=", userId),
      db.deleteFrom("vault_items").where("user_id", "=", userId),
      db.deleteFrom("passkeys").where("user_id", "=", userId),
      db.deleteFrom("vaults").where("user_id", "=", userId),
      db.deleteFrom("users").where("id", "=", userId),
    ],
  });
}
