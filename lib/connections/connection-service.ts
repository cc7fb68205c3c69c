import "server-only";
import { accountObject } from "../account/account-object";
import { audit } from "../audit/record-audit";
import { listAppLogos } from "../db/app-queries";
import { createDb } from "../db/client";
import { listLiveConnectionIds, setConnectionPaused, updateConnectionPolicy } from "../db/connection-controls";
import { insertTokenConnection, listConnections } from "../db/connection-queries";
import { revokeAllConnections, revokeConnection } from "../db/connection-revocation";
import { getServerEnv } from "../env/server-env";
import { canonicalizePolicy } from "../crypto/policy";
import { syncNewConnection, writeConnections } from "./object-sync";
import { serverKeyring } from "./server-keyring";
import { wrapForServer } from "./server-wrap";
import type { ConnectionSummary, CreateTokenBody, UpdatePolicyBody } from "./wire";

// Server side of connections, always for the signed-in user's id: adds the SK layer
// around the TK-wrapped CK before storing (the server never sees K or CK). The account's
// Durable Object holds the gateway's view of every connection (decision 014): revocation goes
// to it first (final there), then to D1 in one batch; every other change is announced to it,
// written to D1, then confirmed (object-sync.ts), so the very next request sees it.

const db = () => createDb(getServerEnv().DB);

export async function createTokenFor({ userId, body }: { userId: string; body: CreateTokenBody }): Promise<ConnectionSummary> {
  const env = getServerEnv();
  const sk = serverKeyring(env).current;
  const ckServer = wrapForServer({ sk, connectionId: body.id, ckToken: body.ckToken });
  const created = await insertTokenConnection({ d1: env.DB, userId, body, ckServer, skId: sk.keyId, now: Date.now() });
  await syncNewConnection({ userId, connectionId: body.id });
  if (!body.keyTest) await audit(userId, "connection_created", { name: body.name });
  return created;
}

/** The person's connections with this month's spend from the account's Durable Object. */
export async function listConnectionsFor({ userId }: { userId: string }): Promise<{ connections: ConnectionSummary[]; month: string; resetsAt: number; accountCapMicroUsd: number | null; accountSpentMicroUsd: number }> {
  const [connections, summary] = await Promise.all([listConnections({ db: db(), userId }), accountObject(userId).spendSummary({ accountId: userId })]);
  const logos = await listAppLogos({ db: db(), clientIds: [...new Set(connections.flatMap((c) => (c.clientId ? [c.clientId] : [])))] });
  return {
    connections: connections.map((c) => {
      const s = summary.connections[c.id];
      const logo = c.clientId ? logos.get(c.clientId) : undefined;
      return {
        ...c,
        spend: { spentMicroUsd: s?.spentMicroUsd ?? 0, reservedMicroUsd: s?.reservedMicroUsd ?? 0, requests: s?.requests ?? 0 },
        ...(logo?.hasLogo && c.clientId ? { appLogo: { clientId: c.clientId, version: logo.logoVersion } } : {}),
      };
    }),
    month: summary.month,
    resetsAt: summary.resetsAt,
    accountCapMicroUsd: summary.accountCapMicroUsd,
    accountSpentMicroUsd: summary.account.spentMicroUsd,
  };
}

export async function revokeConnectionFor({ userId, connectionId }: { userId: string; connectionId: string }): Promise<void> {
  const row = await db().selectFrom("connections").select(["name", "is_key_test", "status"]).where("id", "=", connectionId).where("user_id", "=", userId).executeTakeFirst();
  await accountObject(userId).setConnectionStatus({ accountId: userId, connectionIds: [connectionId], status: "revoked" });
  await revokeConnection({ d1: getServerEnv().DB, userId, connectionId, now: Date.now() });
  if (row && !row.is_key_test && row.status !== "revoked") await audit(userId, "connection_revoked", { name: row.name });
}

/** Pause restricts, so the object takes it from D1; resuming loosens, so it is announced. */
export async function setPausedFor({ userId, connectionId, paused }: { userId: string; connectionId: string; paused: boolean }): Promise<void> {
  const changes = [{ connectionId, intent: paused ? {} : { resume: true as const } }];
  await writeConnections({ userId, changes, write: () => setConnectionPaused({ db: db(), userId, connectionId, paused }) });
}

/** A policy the browser re-signed: the object takes exactly this one (never an older one from D1). */
export function updatePolicyFor({ userId, connectionId, body }: { userId: string; connectionId: string; body: UpdatePolicyBody }): Promise<number> {
  const changes = [{ connectionId, intent: { policy: { policy: canonicalizePolicy(body.policy), policyTag: body.policyTag } } }];
  return writeConnections({ userId, changes, write: () => updateConnectionPolicy({ db: db(), userId, connectionId, body }) });
}

/** Revoke everything: every connection of the account, at once. */
export async function revokeAllFor({ userId }: { userId: string }): Promise<number> {
  const ids = await listLiveConnectionIds({ db: db(), userId });
  await accountObject(userId).setConnectionStatus({ accountId: userId, connectionIds: ids, status: "revoked" });
  await revokeAllConnections({ d1: getServerEnv().DB, userId, connectionIds: ids, now: Date.now() });
  await audit(userId, "connections_revoked_all", { count: ids.length });
  return ids.length;
}

export async function setAccountCapFor({ userId, capMicroUsd }: { userId: string; capMicroUsd: number | null }): Promise<void> {
  await accountObject(userId).setAccountCap({ accountId: userId, capMicroUsd });
}
