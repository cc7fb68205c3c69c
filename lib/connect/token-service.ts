import "server-only";
import { accountObject } from "../account/account-object";
import { computeVerifier } from "../crypto/derive-keys";
import { equalBytes } from "../crypto/compare";
import { formatConnectionId } from "../crypto/connection-id";
import { decodeHex } from "../crypto/encoding";
import { parseRelayToken } from "../crypto/relay-token";
import { wipeBytes } from "../crypto/bytes";
import { getAppCredentials, getPublicApp } from "../db/app-queries";
import { clearSealedMaterial, findByCodeHash, markExchanged } from "../db/authorization-queries";
import { createDb, type Db } from "../db/client";
import { insertTokenConnection } from "../db/connection-queries";
import { revokeConnection } from "../db/connection-revocation";
import { getServerEnv } from "../env/server-env";
import { audit } from "../audit/record-audit";
import { emailTransportFor } from "../auth/auth";
import { buildAppConnectedEmail } from "../email/app-connected-email";
import { sendEmail } from "../email/send-email";
import { isAppError } from "../errors/app-error";
import { logError } from "../errors/log-error";
import { syncNewConnection } from "../connections/object-sync";
import { hashCode, verifyClientSecret } from "./codes";
import type { PendingConnection } from "./consent-service";
import { invalidClientError, oauthError } from "./oauth-error";
import { verifyPkceS256 } from "./pkce";
import { parseRevokeRequest, parseTokenRequest, type ClientAuthMethod } from "./token-request";

// POST /connect/token and POST /connect/revoke (RFC 6749 §4.1.3, RFC 7636, RFC 7009).
// Everything is verified before the code is burnt; the burn is a compare-and-swap, so one
// exchange wins. A code presented again after a successful exchange revokes its connection
// (RFC 9700 §4.5.3.2). The sealed K is deleted once the answer is built.

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json", "cache-control": "no-store", pragma: "no-cache" } });

/** The client is registered and, if confidential, proved its secret. */
async function authenticateClient({ db, clientId, clientSecret, authMethod }: { db: Db; clientId: string; clientSecret?: string; authMethod: ClientAuthMethod }) {
  const app = await getAppCredentials({ db, clientId });
  const viaHeader = authMethod === "client_secret_basic";
  if (!app) return { error: invalidClientError({ viaHeader, description: "Unknown client." }) };
  if (app.secretHash) {
    if (clientSecret === undefined || !verifyClientSecret({ secret: clientSecret, storedHash: app.secretHash })) return { error: invalidClientError({ viaHeader, description: "Client authentication failed." }) };
  } else if (clientSecret !== undefined) {
    return { error: invalidClientError({ viaHeader, description: "This client has no secret; do not send one." }) };
  }
  return { app };
}

async function revokeForAccount({ userId, connectionId }: { userId: string; connectionId: string }): Promise<void> {
  await accountObject(userId).setConnectionStatus({ accountId: userId, connectionIds: [connectionId], status: "revoked" });
  await revokeConnection({ d1: getServerEnv().DB, userId, connectionId, now: Date.now() }).catch(() => {});
}

/** The audit event and the email to the person: a new app holds a relay token. */
async function announceConnection({ db, userId, appName, scope, budgetUsd, rpm }: { db: Db; userId: string; appName: string; scope: string; budgetUsd: number | null; rpm: number | null }): Promise<void> {
  await audit(userId, "app_connected", { name: appName, scope });
  try {
    const user = await db.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirst();
    if (user) await sendEmail({ transport: emailTransportFor(getServerEnv()), message: buildAppConnectedEmail({ to: user.email, appName, scope, budgetUsd, rpm, manageUrl: new URL("/dashboard/connections", getServerEnv().PUBLIC_URL).href }) });
  } catch (error) {
    logError({ where: "app connected email", error });
  }
}

export async function exchangeCode({ body, authorization, now }: { body: unknown; authorization: string | null; now: number }): Promise<Response> {
  const parsed = parseTokenRequest({ body, authorization });
  if (!parsed.ok) return parsed.error === "invalid_client" ? invalidClientError({ viaHeader: parsed.viaHeader, description: parsed.description }) : oauthError(parsed.status, parsed.error, parsed.description);
  const { request, authMethod } = parsed;
  const db = createDb(getServerEnv().DB);
  const client = await authenticateClient({ db, clientId: request.client_id, clientSecret: request.client_secret, authMethod });
  if (client.error) return client.error;

  const invalidGrant = (description: string) => oauthError(400, "invalid_grant", description);
  const row = await findByCodeHash({ db, codeHash: hashCode(request.code) });
  if (!row || row.client_id !== request.client_id) return invalidGrant("The authorization code is invalid.");
  if (row.status === "exchanged") {
    if (row.user_id && row.connection_id) await revokeForAccount({ userId: row.user_id, connectionId: row.connection_id });
    return invalidGrant("The authorization code was already used; the connection made with it has been revoked.");
  }
  if (row.status !== "approved" || !row.user_id || !row.connection_body || !row.sealed_secret || !row.granted_scope) return invalidGrant("The authorization code is invalid.");
  if ((row.code_expires_at ?? 0) <= now) return invalidGrant("The authorization code has expired.");
  if (row.redirect_uri !== request.redirect_uri) return invalidGrant("redirect_uri does not match the authorization request.");
  if (!verifyPkceS256({ verifier: request.code_verifier, challenge: row.code_challenge })) return invalidGrant("The code_verifier does not match the code_challenge.");
  if (!(await markExchanged({ db, id: row.id }))) {
    await revokeForAccount({ userId: row.user_id, connectionId: row.connection_id! });
    return invalidGrant("The authorization code was already used; the connection made with it has been revoked.");
  }

  const pending = JSON.parse(row.connection_body) as PendingConnection;
  const app = client.app;
  try {
    const appName = (await getPublicApp({ db, clientId: app.clientId }))?.name ?? app.clientId;
    await insertTokenConnection({
      d1: getServerEnv().DB,
      userId: row.user_id,
      body: { ...pending.body, ckToken: "", name: appName.slice(0, 80) },
      ckServer: pending.ckServer,
      skId: pending.skId,
      now,
      app: { clientId: app.clientId, display: row.display },
    });
  } catch (error) {
    await clearSealedMaterial({ db, id: row.id });
    if (isAppError(error)) return invalidGrant(`The connection could not be made: ${error.message}`);
    throw error;
  }
  await syncNewConnection({ userId: row.user_id, connectionId: pending.body.id });
  const policy = pending.body.policy;
  await announceConnection({ db, userId: row.user_id, appName: (await getPublicApp({ db, clientId: app.clientId }))?.name ?? app.clientId, scope: row.granted_scope, budgetUsd: policy.budgetUsd, rpm: policy.rpm });
  const response = json({
    token_type: "relay",
    connection_id: pending.body.id,
    sealed_secret: row.sealed_secret,
    scope: row.granted_scope,
    limits: { budget_usd: policy.budgetUsd, rpm: policy.rpm, models: policy.models, expires_at: policy.expiresAt },
  });
  await clearSealedMaterial({ db, id: row.id });
  return response;
}

/** RFC 7009: an app revokes its own token. Unknown or foreign tokens answer 200 as well (no oracle). */
export async function revokeAppToken({ body, authorization }: { body: unknown; authorization: string | null }): Promise<Response> {
  const parsed = parseRevokeRequest({ body, authorization });
  if (!parsed.ok) return parsed.error === "invalid_client" ? invalidClientError({ viaHeader: parsed.viaHeader, description: parsed.description }) : oauthError(parsed.status, parsed.error, parsed.description);
  const db = createDb(getServerEnv().DB);
  const client = await authenticateClient({ db, clientId: parsed.request.client_id, clientSecret: parsed.request.client_secret, authMethod: parsed.authMethod });
  if (client.error) return client.error;
  let parts;
  try {
    parts = parseRelayToken(parsed.request.token);
  } catch {
    return json({});
  }
  try {
    const connectionId = formatConnectionId(parts.connectionId);
    const row = await db.selectFrom("connections").select(["user_id", "verifier", "client_id", "status"]).where("id", "=", connectionId).executeTakeFirst();
    const verifier = computeVerifier(parts.secret);
    const matches = row ? equalBytes(verifier, decodeHex(row.verifier)) : false;
    if (row && matches && row.client_id === client.app.clientId && row.status !== "revoked") await revokeForAccount({ userId: row.user_id, connectionId });
    return json({});
  } finally {
    wipeBytes(parts.secret, parts.connectionId);
  }
}
