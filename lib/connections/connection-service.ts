import "server-only";
import { accountObject } from "../account/account-object";
import { audit } from "../audit/record-audit";
import { listAppLogos } from "../db/app-queries";
import { cancelAccountAuthorizations } from "../db/authorization-queries";
import { createDb } from "../db/client";
import { listLiveConnectionIds, setConnectionPaused, updateConnectionPolicy } from "../db/connection-controls";
import { insertTokenConnection, listConnections } from "../db/connection-queries";
import { revokeAllConnections, revokeConnection } from "../db/connection-revocation";
import { getServerEnv } from "../env/server-env";
import { canonicalizePolicy } from "../crypto/policy";
import { requireCatalogueModels } from "./catalogue-models";
import { syncNewConnection, writeConnections } from "./object-sync";
import { serverKeyring } from "./server-keyring";
import { tokenHintFromConnectionId } from "../crypto/token-hint";
import { usdToMicroUsd } from "../money/money";
import { SIGNED_ACTIONS, signedParams } from "../vault/signed-actions";
import { requireVaultProof } from "../vault/vault-proof";
import type { VaultProof } from "../vault/wire";
import { wrapForServer } from "./server-wrap";
import type { ConnectionSummary, CreateTokenBody, UpdatePolicyBody } from "./wire";

// Server side of connections, always for the signed-in user's id: adds the SK layer
// around the TK-wrapped CK before storing (the server never sees K or CK). The account's
// Durable Object holds the gateway's view of every connection (decision 014): revocation goes
// to it first (final there), then to D1 in one batch; every other change is announced to it,
// written to D1, then confirmed (object-sync.ts), so the very next request sees it.

const db = () => createDb(getServerEnv().DB);

export async function createTokenFor({ userId, body }: { userId: string; body: CreateTokenBody }): Promise<ConnectionSummary> {
  requireCatalogueModels(body.policy);
  const env = getServerEnv();
  const sk = serverKeyring(env).current;
  const ckServer = wrapForServer({ sk, connectionId: body.id, ckToken: body.ckToken });
  // The display hint comes from the connection id, whatever the browser sent (v1.1 "Encodings").
  const created = await insertTokenConnection({ d1: env.DB, userId, body: { ...body, tokenHint: tokenHintFromConnectionId(body.id) }, ckServer, skId: sk.keyId, now: Date.now() });
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
        // Rows made before v1.1 stored the token's tail: the hint is always derived again from the id.
        tokenHint: tokenHintFromConnectionId(c.id),
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

/** Pause restricts (a session may; the object takes it from D1); resuming loosens, so it needs the vault's signature and is announced. */
export async function setPausedFor({ userId, connectionId, paused, proof }: { userId: string; connectionId: string; paused: boolean; proof?: VaultProof }): Promise<void> {
  if (!paused) await requireVaultProof({ userId, action: SIGNED_ACTIONS.resumeConnection, params: signedParams({ body: {}, ids: { connectionId } }), proof });
  const changes = [{ connectionId, intent: paused ? {} : { resume: true as const } }];
  await writeConnections({ userId, changes, write: () => setConnectionPaused({ db: db(), userId, connectionId, paused }) });
  const row = await db().selectFrom("connections").select(["name", "is_key_test"]).where("id", "=", connectionId).where("user_id", "=", userId).executeTakeFirst();
  if (row && !row.is_key_test) await audit(userId, paused ? "connection_paused" : "connection_resumed", { name: row.name });
}

/**
 * New limits, MACed with the connection's key in the browser. Signed with the vault key as well:
 * the MAC alone would let a session replay an older, looser policy of the same connection. The
 * object takes exactly this policy (never an older one from D1).
 */
export async function updatePolicyFor({ userId, connectionId, body }: { userId: string; connectionId: string; body: UpdatePolicyBody }): Promise<number> {
  requireCatalogueModels(body.policy);
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.setConnectionPolicy, params: signedParams({ body, ids: { connectionId } }), proof: body.proof });
  const { proof: _proof, ...update } = body;
  const changes = [{ connectionId, intent: { policy: { policy: canonicalizePolicy(update.policy), policyTag: update.policyTag } } }];
  return writeConnections({ userId, changes, write: () => updateConnectionPolicy({ db: db(), userId, connectionId, body: update }) });
}

/**
 * Revoke everything: every connection of the account, at once, and every authorization an app
 * has not exchanged yet (a code approved a moment ago must not mint a live connection after it).
 */
export async function revokeAllFor({ userId }: { userId: string }): Promise<number> {
  const { exchangedConnectionIds } = await cancelAccountAuthorizations({ db: db(), userId });
  const ids = await listLiveConnectionIds({ db: db(), userId });
  // An exchange that burnt its code just before may not have written its connection yet: the
  // account object refuses that id from now on whatever D1 says (revocation there is final).
  const inFlight = exchangedConnectionIds.filter((id) => !ids.includes(id));
  await accountObject(userId).setConnectionStatus({ accountId: userId, connectionIds: [...ids, ...inFlight], status: "revoked" });
  await revokeAllConnections({ d1: getServerEnv().DB, userId, connectionIds: ids, now: Date.now() });
  await audit(userId, "connections_revoked_all", { count: ids.length });
  return ids.length;
}

/**
 * The account-wide cap. A session alone may set a cap where there was none or lower it (the
 * account object decides, atomically); raising or removing it needs the vault's signature.
 */
export async function setAccountCapFor({ userId, monthlyCapUsd, proof }: { userId: string; monthlyCapUsd: number | null; proof?: VaultProof }): Promise<void> {
  const account = accountObject(userId);
  const capMicroUsd = monthlyCapUsd === null ? null : usdToMicroUsd(monthlyCapUsd);
  if (capMicroUsd !== null && (await account.restrictAccountCap({ accountId: userId, capMicroUsd })).applied) return;
  await requireVaultProof({ userId, action: SIGNED_ACTIONS.setAccountCap, params: signedParams({ body: { monthlyCapUsd } }), proof });
  await account.setAccountCap({ accountId: userId, capMicroUsd });
  await audit(userId, "account_cap_changed", { capUsd: monthlyCapUsd });
}
