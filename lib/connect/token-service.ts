import "server-only";
import { computeVerifier } from "../crypto/derive-keys";
import { equalBytes } from "../crypto/compare";
import { formatConnectionId } from "../crypto/connection-id";
import { decodeHex } from "../crypto/encoding";
import { parseRelayToken } from "../crypto/relay-token";
import { wipeBytes } from "../crypto/bytes";
import { getAppCredentials, getPublicApp } from "../db/app-queries";
import { clearSealedMaterial, findByCodeHash, markExchanged } from "../db/authorization-queries";
import { createDb, type Db } from "../db/client";
import { getServerEnv } from "../env/server-env";
import { hashCode, verifyClientSecret } from "./codes";
import type { PendingConnection } from "./consent-service";
import { builtinClient } from "./device-clients";
import { exchangeDeviceCode } from "./device-exchange";
import { issueConnection, oauthJson as json, revokeForAccount } from "./issue-connection";
import { invalidClientError, oauthError } from "./oauth-error";
import { verifyPkceS256 } from "./pkce";
import { parseRevokeRequest, parseTokenRequest, type ClientAuthMethod } from "./token-request";

// POST /connect/token and POST /connect/revoke (RFC 6749 §4.1.3, RFC 7636, RFC 7009; the device
// grant of RFC 8628 §3.4 is device-exchange.ts). Everything is verified before the code is burnt;
// the burn is a compare-and-swap, so one exchange wins. A code presented again after a successful
// exchange revokes its connection (RFC 9700 §4.5.3.2). The sealed K is deleted once the answer is built.

/** The client is registered (or built in) and, if confidential, proved its secret. */
export async function authenticateClient({ db, clientId, clientSecret, authMethod }: { db: Db; clientId: string; clientSecret?: string; authMethod: ClientAuthMethod }) {
  const app = builtinClient(clientId) ? { clientId, redirectUris: [], secretHash: null } : await getAppCredentials({ db, clientId });
  const viaHeader = authMethod === "client_secret_basic";
  if (!app) return { error: invalidClientError({ viaHeader, description: "Unknown client." }) };
  if (app.secretHash) {
    if (clientSecret === undefined || !verifyClientSecret({ secret: clientSecret, storedHash: app.secretHash })) return { error: invalidClientError({ viaHeader, description: "Client authentication failed." }) };
  } else if (clientSecret !== undefined) {
    return { error: invalidClientError({ viaHeader, description: "This client has no secret; do not send one." }) };
  }
  return { app };
}

export async function exchangeCode({ body, authorization, now }: { body: unknown; authorization: string | null; now: number }): Promise<Response> {
  const parsed = parseTokenRequest({ body, authorization });
  if (!parsed.ok) return parsed.error === "invalid_client" ? invalidClientError({ viaHeader: parsed.viaHeader, description: parsed.description }) : oauthError(parsed.status, parsed.error, parsed.description);
  const { request, authMethod } = parsed;
  const db = createDb(getServerEnv().DB);
  const client = await authenticateClient({ db, clientId: request.client_id, clientSecret: request.client_secret, authMethod });
  if (client.error) return client.error;
  if (request.grant_type !== "authorization_code") return exchangeDeviceCode({ db, request, now });

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
  const appName = (await getPublicApp({ db, clientId: client.app.clientId }))?.name ?? client.app.clientId;
  return issueConnection({ db, userId: row.user_id, pending, clientId: client.app.clientId, name: appName, grantedScope: row.granted_scope, sealedSecret: row.sealed_secret, now, display: row.display, clearMaterial: () => clearSealedMaterial({ db, id: row.id }) });
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
