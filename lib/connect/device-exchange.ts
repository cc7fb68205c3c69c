import "server-only";
import type { Db } from "../db/client";
import { clearDeviceMaterial, findByDeviceCodeHash, markDeviceExchanged, recordDevicePoll, type DeviceRow } from "../db/device-queries";
import { builtinClient } from "./device-clients";
import { DEVICE_CODE_PATTERN, hashDeviceCode } from "./device-codes";
import { decideDevicePoll } from "./device-poll";
import type { PendingConnection } from "./consent-service";
import { issueConnection, revokeForAccount } from "./issue-connection";
import { oauthError } from "./oauth-error";
import { verifyPkceS256 } from "./pkce";
import type { DeviceTokenRequest } from "./token-request";
import { getPublicApp } from "../db/app-queries";

// POST /connect/token with grant_type=urn:ietf:params:oauth:grant-type:device_code (RFC 8628
// §3.4-3.5, decision 021): the program polls with its device code and PKCE verifier until the
// person answers. The pending answers (authorization_pending, slow_down) are 400s with OAuth's
// error body, as the RFC says; the approved one is the same answer as the code exchange.

const invalidGrant = (description: string) => oauthError(400, "invalid_grant", description);

/** The connection's name: the program's name, and where it says it runs. */
function connectionName({ row, clientName }: { row: DeviceRow; clientName: string }): string {
  return (row.device_name ? `${clientName} on ${row.device_name}` : clientName).slice(0, 80);
}

async function clientNameOf({ db, clientId }: { db: Db; clientId: string }): Promise<string> {
  return builtinClient(clientId)?.name ?? (await getPublicApp({ db, clientId }))?.name ?? clientId;
}

export async function exchangeDeviceCode({ db, request, now }: { db: Db; request: DeviceTokenRequest; now: number }): Promise<Response> {
  const row = DEVICE_CODE_PATTERN.test(request.device_code) ? await findByDeviceCodeHash({ db, deviceCodeHash: hashDeviceCode(request.device_code) }) : null;
  const verifierMatches = row !== null && verifyPkceS256({ verifier: request.code_verifier, challenge: row.code_challenge });
  const decision = decideDevicePoll({ row, clientId: request.client_id, verifierMatches, now });
  switch (decision.kind) {
    case "invalid":
      return invalidGrant("The device code is invalid, or the code_verifier does not match it.");
    case "replayed":
      if (row!.user_id && row!.connection_id) await revokeForAccount({ userId: row!.user_id, connectionId: row!.connection_id });
      return invalidGrant("The device code was already used; the connection made with it has been revoked.");
    case "expired":
      return oauthError(400, "expired_token", "The device code has expired. Start again.");
    case "denied":
      return oauthError(400, "access_denied", "The person denied this request.");
    case "slow_down":
    case "pending": {
      const recorded = await recordDevicePoll({ db, id: row!.id, seenPolledAt: row!.last_polled_at, intervalSeconds: decision.intervalSeconds, now });
      if (decision.kind === "slow_down" || !recorded) return oauthError(400, "slow_down", `Poll at most every ${decision.intervalSeconds} seconds.`);
      return oauthError(400, "authorization_pending", "The person has not answered yet.");
    }
    case "approved":
      return redeemApproval({ db, row: row!, now });
  }
}

async function redeemApproval({ db, row, now }: { db: Db; row: DeviceRow; now: number }): Promise<Response> {
  if (!row.user_id || !row.connection_id || !row.connection_body || !row.sealed_secret || !row.granted_scope) return invalidGrant("The device code is invalid.");
  if (!(await markDeviceExchanged({ db, id: row.id, now }))) {
    // Another poll with the same code and verifier won the race: a replay.
    await revokeForAccount({ userId: row.user_id, connectionId: row.connection_id });
    return invalidGrant("The device code was already used; the connection made with it has been revoked.");
  }
  const pending = JSON.parse(row.connection_body) as PendingConnection;
  return issueConnection({
    db,
    userId: row.user_id,
    pending,
    clientId: row.client_id,
    name: connectionName({ row, clientName: await clientNameOf({ db, clientId: row.client_id }) }),
    grantedScope: row.granted_scope,
    sealedSecret: row.sealed_secret,
    now,
    display: "device",
    clearMaterial: () => clearDeviceMaterial({ db, id: row.id }),
  });
}
