import { sql } from "kysely";
import { AppError } from "../errors/app-error";
import { chunkForParameters, runBatch } from "./batch";
import { createDb } from "./client";

// The kill switch in D1 (security model, "Revocation"): the wrapped CKs and grants are deleted
// and the connection is marked revoked, in ONE D1 batch, so a connection is never left revoked
// with its grants, or with its grants gone and still active. The account's Durable Object is
// told first (lib/connections/connection-service.ts); this is the database's half.

const notFound = () => new AppError({ code: "not_found", message: "No such connection." });

/**
 * Revokes one of the person's connections. A key test's temporary connection is revoked like any
 * other and stays unlisted: its row tells the usage pages that its requests were key tests.
 */
export async function revokeConnection({ d1, userId, connectionId, now }: { d1: D1Database; userId: string; connectionId: string; now: number }): Promise<void> {
  const db = createDb(d1);
  const [marked] = await runBatch({
    d1,
    statements: [
      db
        .updateTable("connections")
        .set((eb) => ({ status: "revoked", ck_vault: null, ck_server: null, sk_id: null, revoked_at: now, version: eb("version", "+", 1) }))
        .where("id", "=", connectionId)
        .where("user_id", "=", userId)
        .where("status", "!=", "revoked"),
      db
        .deleteFrom("connection_grants")
        .where("connection_id", "=", connectionId)
        .where(sql<boolean>`connection_id IN (SELECT id FROM connections WHERE user_id = ${userId} AND status = 'revoked')`),
    ],
  });
  if ((marked?.meta.changes ?? 0) === 1) return;
  const row = await db.selectFrom("connections").select("status").where("id", "=", connectionId).where("user_id", "=", userId).executeTakeFirst();
  if (!row) throw notFound(); // (an already revoked connection is fine: revoking is idempotent)
}

/** Revoke everything: every listed connection of the account loses its wrapped CKs and grants, in one batch. */
export async function revokeAllConnections({ d1, userId, connectionIds, now }: { d1: D1Database; userId: string; connectionIds: string[]; now: number }): Promise<void> {
  if (connectionIds.length === 0) return;
  const db = createDb(d1);
  const chunks = chunkForParameters(connectionIds, 10);
  await runBatch({
    d1,
    statements: [
      ...chunks.map((ids) =>
        db
          .updateTable("connections")
          .set((eb) => ({ status: "revoked", ck_vault: null, ck_server: null, sk_id: null, revoked_at: now, version: eb("version", "+", 1) }))
          .where("user_id", "=", userId)
          .where("id", "in", ids),
      ),
      ...chunks.map((ids) =>
        db
          .deleteFrom("connection_grants")
          .where("connection_id", "in", ids)
          .where(sql<boolean>`connection_id IN (SELECT id FROM connections WHERE user_id = ${userId} AND status = 'revoked')`),
      ),
    ],
  });
}
