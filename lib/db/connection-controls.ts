import type { Db } from "./client";
import { AppError } from "../errors/app-error";
import { canonicalizePolicy } from "../crypto/policy";
import type { UpdatePolicyBody } from "../connections/wire";

// The person's controls over a connection in D1: pause and resume, a re-signed policy, and
// "revoke everything". Every write is scoped by user id and compares the row's version or
// status, so a stale tab cannot resurrect or loosen a connection. The account's Durable
// Object holds the same status for the gateway (lib/connections/connection-service.ts).

const notFound = () => new AppError({ code: "not_found", message: "No such connection." });

export async function setConnectionPaused({ db, userId, connectionId, paused }: { db: Db; userId: string; connectionId: string; paused: boolean }): Promise<void> {
  const updated = await db
    .updateTable("connections")
    .set((eb) => ({ status: paused ? "paused" : "active", version: eb("version", "+", 1) }))
    .where("id", "=", connectionId)
    .where("user_id", "=", userId)
    .where("status", "=", paused ? "active" : "paused")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 1) return;
  const row = await db.selectFrom("connections").select("status").where("id", "=", connectionId).where("user_id", "=", userId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status === "revoked") throw new AppError({ code: "conflict", message: "This connection is revoked; it cannot be paused or resumed." });
}

export async function updateConnectionPolicy({ db, userId, connectionId, body }: { db: Db; userId: string; connectionId: string; body: UpdatePolicyBody }): Promise<number> {
  const row = await db.selectFrom("connections").select(["status", "version"]).where("id", "=", connectionId).where("user_id", "=", userId).executeTakeFirst();
  if (!row) throw notFound();
  if (row.status === "revoked") throw new AppError({ code: "conflict", message: "This connection is revoked; its limits can no longer change." });
  const granted = await db.selectFrom("connection_grants").select("provider").where("connection_id", "=", connectionId).execute();
  const providers = granted.map((g) => g.provider as string).sort();
  if (JSON.stringify([...body.policy.providers].sort()) !== JSON.stringify(providers)) {
    throw new AppError({ code: "bad_request", field: "policy.providers", message: "The policy's providers must be exactly the connection's granted keys." });
  }
  const updated = await db
    .updateTable("connections")
    .set({ policy: canonicalizePolicy(body.policy), policy_tag: body.policyTag, version: body.version + 1 })
    .where("id", "=", connectionId)
    .where("user_id", "=", userId)
    .where("version", "=", body.version)
    .where("status", "!=", "revoked")
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) !== 1) throw new AppError({ code: "conflict", message: "This connection changed in another tab. Reload and try again." });
  return body.version + 1;
}

/** Ids of the account's connections that are not revoked yet. */
export async function listLiveConnectionIds({ db, userId }: { db: Db; userId: string }): Promise<string[]> {
  const rows = await db.selectFrom("connections").select("id").where("user_id", "=", userId).where("status", "!=", "revoked").execute();
  return rows.map((r) => r.id);
}
