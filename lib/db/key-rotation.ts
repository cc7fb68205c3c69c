import { sql } from "kysely";
import type { Db } from "./client";
import { AppError } from "../errors/app-error";
import { runBatch } from "./batch";

// Replacing (rotating) a provider key: the vault item's new envelope and, for every live
// connection that uses it, the new key sealed under that connection's CK, in ONE D1 batch
// (one transaction). The grant updates only apply if the item update did (they check the
// item's new version), so a stale tab changes nothing. Apps keep their tokens; the next
// gateway call opens the new grant.

const stale = () => new AppError({ code: "conflict", message: "This key changed in another tab. Reload your vault and try again." });

/** Live connections of this person that hold a grant of this vault item (a key test's temporary one too, if asked). */
export async function connectionsUsingItem({ db, userId, itemId, includeKeyTests = false }: { db: Db; userId: string; itemId: string; includeKeyTests?: boolean }): Promise<{ connectionId: string; provider: string }[]> {
  let query = db
    .selectFrom("connection_grants as g")
    .innerJoin("connections as c", "c.id", "g.connection_id")
    .select(["g.connection_id", "g.provider"])
    .where("g.item_id", "=", itemId)
    .where("c.user_id", "=", userId)
    .where("c.status", "!=", "revoked");
  if (!includeKeyTests) query = query.where("c.is_key_test", "=", 0);
  const rows = await query.execute();
  return rows.map((r) => ({ connectionId: r.connection_id, provider: r.provider }));
}

export async function replaceItemKey({
  d1,
  db,
  userId,
  itemId,
  sealedKey,
  keyVersion,
  expectedVersion,
  grants,
  now,
}: {
  d1: D1Database;
  db: Db;
  userId: string;
  itemId: string;
  sealedKey: string;
  keyVersion: number;
  expectedVersion: number;
  grants: { connectionId: string; sealedKey: string }[];
  now: number;
}): Promise<void> {
  const current = await db.selectFrom("vault_items").select(["version", "key_version"]).where("id", "=", itemId).where("user_id", "=", userId).executeTakeFirst();
  if (!current) throw new AppError({ code: "not_found", message: "No such key in your vault." });
  if (current.version !== expectedVersion) throw stale();
  if (keyVersion !== current.key_version + 1) throw new AppError({ code: "bad_request", field: "keyVersion", message: "A replaced key must be sealed for the next key version." });
  // Every live connection that uses the key must get the new one, and only those.
  const using = await connectionsUsingItem({ db, userId, itemId });
  const given = new Set(grants.map((g) => g.connectionId));
  if (given.size !== grants.length || using.length !== given.size || using.some((u) => !given.has(u.connectionId))) {
    throw new AppError({ code: "conflict", field: "grants", message: "The connections using this key changed. Reload and try again." });
  }
  const newVersion = expectedVersion + 1;
  const itemUpdate = db
    .updateTable("vault_items")
    .set({ sealed_key: sealedKey, key_version: keyVersion, key_status: null, key_checked_at: null, version: newVersion, updated_at: now })
    .where("id", "=", itemId)
    .where("user_id", "=", userId)
    .where("version", "=", expectedVersion);
  const grantUpdates = grants.map((g) =>
    db
      .updateTable("connection_grants")
      .set({ sealed_key: g.sealedKey, item_key_version: keyVersion })
      .where("connection_id", "=", g.connectionId)
      .where("item_id", "=", itemId)
      .where(sql<boolean>`EXISTS (SELECT 1 FROM vault_items WHERE id = ${itemId} AND user_id = ${userId} AND version = ${newVersion} AND key_version = ${keyVersion})`)
      .where(sql<boolean>`connection_id IN (SELECT id FROM connections WHERE user_id = ${userId} AND status != 'revoked')`),
  );
  const results = await runBatch({ d1, statements: [itemUpdate, ...grantUpdates] });
  if ((results[0]?.meta.changes ?? 0) !== 1) throw stale();
}

/** Deleting a key also deletes its grants: the connections that used it lose that provider. */
export async function deleteItemGrants({ db, userId, itemId }: { db: Db; userId: string; itemId: string }): Promise<void> {
  await db
    .deleteFrom("connection_grants")
    .where("item_id", "=", itemId)
    .where(sql<boolean>`connection_id IN (SELECT id FROM connections WHERE user_id = ${userId})`)
    .execute();
}
