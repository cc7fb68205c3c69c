import type { Db } from "./client";
import { cancelAccountDeviceAuthorizations } from "./device-queries";
import type { AuthorizationRequestsTable } from "./schema";

// Authorization requests from /connect/authorize to the one-time code exchange. State moves
// only forward (pending → approved | denied; approved → exchanged), each step a compare-and-
// swap on the status, so a code can be redeemed once even under concurrent exchanges.

export type AuthorizationRow = AuthorizationRequestsTable;

export async function insertAuthorizationRequest({ db, row }: { db: Db; row: AuthorizationRow }): Promise<void> {
  await db.insertInto("authorization_requests").values(row).execute();
}

export async function getAuthorizationRequest({ db, id }: { db: Db; id: string }): Promise<AuthorizationRow | null> {
  return (await db.selectFrom("authorization_requests").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function findByCodeHash({ db, codeHash }: { db: Db; codeHash: string }): Promise<AuthorizationRow | null> {
  return (await db.selectFrom("authorization_requests").selectAll().where("code_hash", "=", codeHash).executeTakeFirst()) ?? null;
}

/** pending → approved, with the connection's wrapped material, K sealed to the app and the code's hash. */
export async function markApproved({
  db,
  id,
  userId,
  connectionId,
  connectionBody,
  grantedScope,
  sealedSecret,
  codeHash,
  codeExpiresAt,
  now,
}: {
  db: Db;
  id: string;
  userId: string;
  connectionId: string;
  connectionBody: string;
  grantedScope: string;
  sealedSecret: string;
  codeHash: string;
  codeExpiresAt: number;
  now: number;
}): Promise<boolean> {
  const result = await db
    .updateTable("authorization_requests")
    .set({ status: "approved", user_id: userId, connection_id: connectionId, connection_body: connectionBody, granted_scope: grantedScope, sealed_secret: sealedSecret, code_hash: codeHash, code_expires_at: codeExpiresAt })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDenied({ db, id, now }: { db: Db; id: string; now: number }): Promise<boolean> {
  const result = await db.updateTable("authorization_requests").set({ status: "denied" }).where("id", "=", id).where("status", "=", "pending").where("expires_at", ">", now).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Burns the code: approved → exchanged, once. False if another exchange got there first. */
export async function markExchanged({ db, id }: { db: Db; id: string }): Promise<boolean> {
  const result = await db.updateTable("authorization_requests").set({ status: "exchanged" }).where("id", "=", id).where("status", "=", "approved").executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** After the token response: the sealed K and the wrapped material are gone from the server. */
export async function clearSealedMaterial({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.updateTable("authorization_requests").set({ sealed_secret: null, connection_body: null }).where("id", "=", id).execute();
}

/**
 * The purge (scheduled every minute, and swept by every new request): requests nobody answered
 * in time, approved ones whose code expired unexchanged (with them the sealed K and the wrapped
 * material), and anything older than a day (exchanged rows are kept that long so a replayed code
 * still revokes its connection).
 */
export async function deleteStaleAuthorizationRequests({ db, now }: { db: Db; now: number }): Promise<number> {
  const result = await db
    .deleteFrom("authorization_requests")
    .where((eb) =>
      eb.or([
        eb.and([eb("status", "=", "pending"), eb("expires_at", "<=", now)]),
        eb.and([eb("status", "=", "approved"), eb("code_expires_at", "<=", now)]),
        eb("created_at", "<", now - 24 * 3600_000),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * "Revoke everything", vault reset and account deletion: the account's approved requests, apps'
 * and devices' (decision 021), can no longer be exchanged (their code, sealed K and wrapped
 * material are dropped), and the ids of connections their recent exchanges made are returned, so
 * that one minted a moment ago, perhaps not yet in the connections table, is revoked too.
 */
export async function cancelAccountAuthorizations({ db, userId }: { db: Db; userId: string }): Promise<{ cancelled: number; exchangedConnectionIds: string[] }> {
  const cancelled = await db
    .updateTable("authorization_requests")
    .set({ status: "denied", code_hash: null, sealed_secret: null, connection_body: null })
    .where("user_id", "=", userId)
    .where("status", "=", "approved")
    .executeTakeFirst();
  const exchanged = await db.selectFrom("authorization_requests").select("connection_id").where("user_id", "=", userId).where("status", "=", "exchanged").execute();
  const devices = await cancelAccountDeviceAuthorizations({ db, userId });
  return {
    cancelled: Number(cancelled.numUpdatedRows) + devices.cancelled,
    exchangedConnectionIds: [...exchanged.flatMap((r) => (r.connection_id ? [r.connection_id] : [])), ...devices.exchangedConnectionIds],
  };
}
