import { sql } from "kysely";
import type { Db } from "./client";
import type { DeviceAuthorizationsTable } from "./schema";

// Device authorizations (RFC 8628, decision 021) from POST /connect/device to the program's last
// poll. State moves only forward (pending → approved | denied; approved → exchanged), each step a
// compare-and-swap on the status, so a device code yields its token once, even to concurrent polls.

export type DeviceRow = DeviceAuthorizationsTable;

/** Inserts a request; false when a code's hash is already taken (draw new codes and try again). */
export async function insertDeviceAuthorization({ db, row }: { db: Db; row: DeviceRow }): Promise<boolean> {
  const result = await db.insertInto("device_authorizations").values(row).onConflict((oc) => oc.doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}

export async function getDeviceAuthorization({ db, id }: { db: Db; id: string }): Promise<DeviceRow | null> {
  return (await db.selectFrom("device_authorizations").selectAll().where("id", "=", id).executeTakeFirst()) ?? null;
}

export async function findByDeviceCodeHash({ db, deviceCodeHash }: { db: Db; deviceCodeHash: string }): Promise<DeviceRow | null> {
  return (await db.selectFrom("device_authorizations").selectAll().where("device_code_hash", "=", deviceCodeHash).executeTakeFirst()) ?? null;
}

/** The request a typed user code names, while it can still be answered. */
export async function findPendingByUserCodeHash({ db, userCodeHash, now }: { db: Db; userCodeHash: string; now: number }): Promise<DeviceRow | null> {
  const row = await db.selectFrom("device_authorizations").selectAll().where("user_code_hash", "=", userCodeHash).where("status", "=", "pending").where("expires_at", ">", now).executeTakeFirst();
  return row ?? null;
}

/**
 * Records a poll of a pending request: the poll time and the (maybe grown) interval, only if no
 * other poll was recorded since `seenPolledAt`. False when one was: two polls at once are too fast.
 */
export async function recordDevicePoll({ db, id, seenPolledAt, intervalSeconds, now }: { db: Db; id: string; seenPolledAt: number; intervalSeconds: number; now: number }): Promise<boolean> {
  const result = await db
    .updateTable("device_authorizations")
    .set({ last_polled_at: now, interval_seconds: intervalSeconds })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("last_polled_at", "=", seenPolledAt)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * pending → approved, with the connection's wrapped material and K sealed to the program. The
 * request stays valid at least `holdMs` more, so an approval near the end still reaches the
 * program's next poll.
 */
export async function markDeviceApproved({ db, id, userId, connectionId, connectionBody, grantedScope, sealedSecret, now, holdMs }: {
  db: Db;
  id: string;
  userId: string;
  connectionId: string;
  connectionBody: string;
  grantedScope: string;
  sealedSecret: string;
  now: number;
  holdMs: number;
}): Promise<boolean> {
  const result = await db
    .updateTable("device_authorizations")
    .set({ status: "approved", user_id: userId, connection_id: connectionId, connection_body: connectionBody, granted_scope: grantedScope, sealed_secret: sealedSecret, expires_at: sql<number>`MAX(expires_at, ${now + holdMs})` })
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("expires_at", ">", now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function markDeviceDenied({ db, id, now }: { db: Db; id: string; now: number }): Promise<boolean> {
  const result = await db.updateTable("device_authorizations").set({ status: "denied" }).where("id", "=", id).where("status", "=", "pending").where("expires_at", ">", now).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Burns the device code: approved → exchanged, once, while it is still valid. False if another poll got there first. */
export async function markDeviceExchanged({ db, id, now }: { db: Db; id: string; now: number }): Promise<boolean> {
  const result = await db.updateTable("device_authorizations").set({ status: "exchanged" }).where("id", "=", id).where("status", "=", "approved").where("expires_at", ">", now).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** After the token response: the sealed K and the wrapped material are gone from the server. */
export async function clearDeviceMaterial({ db, id }: { db: Db; id: string }): Promise<void> {
  await db.updateTable("device_authorizations").set({ sealed_secret: null, connection_body: null }).where("id", "=", id).execute();
}

/** How long an expired request is kept (without material) so a late poll still hears expired_token. */
export const EXPIRED_DEVICE_KEPT_MS = 15 * 60_000;

/**
 * The purge (scheduled every minute, and swept by every new request): an approval not fetched in
 * time loses its sealed K and wrapped material at once; requests are deleted 15 minutes after
 * their time (a late poll meanwhile hears expired_token), exchanged ones after a day (so a
 * replayed device code still revokes its connection).
 */
export async function deleteStaleDeviceAuthorizations({ db, now }: { db: Db; now: number }): Promise<number> {
  await db.updateTable("device_authorizations").set({ sealed_secret: null, connection_body: null }).where("status", "=", "approved").where("expires_at", "<=", now).execute();
  const result = await db
    .deleteFrom("device_authorizations")
    .where((eb) => eb.or([eb.and([eb("status", "!=", "exchanged"), eb("expires_at", "<=", now - EXPIRED_DEVICE_KEPT_MS)]), eb("created_at", "<", now - 24 * 3600_000)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * "Revoke everything", vault reset and account deletion: the account's approved device requests
 * can no longer be fetched (sealed K and wrapped material dropped), and the connections its recent
 * exchanges made are named, so one minted a moment ago is revoked too.
 */
export async function cancelAccountDeviceAuthorizations({ db, userId }: { db: Db; userId: string }): Promise<{ cancelled: number; exchangedConnectionIds: string[] }> {
  const cancelled = await db
    .updateTable("device_authorizations")
    .set({ status: "denied", sealed_secret: null, connection_body: null })
    .where("user_id", "=", userId)
    .where("status", "=", "approved")
    .executeTakeFirst();
  const exchanged = await db.selectFrom("device_authorizations").select("connection_id").where("user_id", "=", userId).where("status", "=", "exchanged").execute();
  return { cancelled: Number(cancelled.numUpdatedRows), exchangedConnectionIds: exchanged.flatMap((r) => (r.connection_id ? [r.connection_id] : [])) };
}
