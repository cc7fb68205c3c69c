import "server-only";
import { createDb } from "../db/client";
import { findPendingByUserCodeHash, getDeviceAuthorization, markDeviceApproved, markDeviceDenied, type DeviceRow } from "../db/device-queries";
import { hitRateLimit } from "../db/rate-limits";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { prepareConnection } from "./consent-service";
import type { ApproveBody } from "./consent-wire";
import { findDeviceClient, type DeviceClient } from "./device-clients";
import { formatUserCode, hashUserCode, normalizeUserCode } from "./device-codes";
import type { Requester } from "./requester";
import { parseScope, type ParsedScope } from "./scope";

// The person's side of device authorization (decision 021): the user code typed at /device (or
// carried by verification_uri_complete) finds the request, every try counted per client address
// in one atomic statement; the consent page then approves (the browser built the connection and
// sealed K to the program's key) or denies it.

const WINDOW_MS = 15 * 60_000;
/** An approval near the end of the request's life still reaches the program's next poll. */
export const APPROVAL_HOLD_MS = 60_000;

export interface DeviceConsent {
  requestId: string;
  client: DeviceClient;
  /** XXXX-XXXX, to compare with the program's. */
  userCode: string;
  scope: ParsedScope;
  programKey: string;
  suggested: { budgetUsd?: number; rpm?: number };
  deviceName: string | null;
  requester: Requester;
  createdAt: number;
  expiresAt: number;
  /** When this was looked up (the page's "now"). */
  seenAt: number;
}

export type DeviceLookup = { kind: "found"; consent: DeviceConsent } | { kind: "invalid" } | { kind: "rate_limited"; minutes: number };

const expired = () => new AppError({ code: "not_found", message: "This request has expired or was already answered. Run the program's login again for a new code." });

async function toConsent({ row, userCode, now }: { row: DeviceRow; userCode: string; now: number }): Promise<DeviceConsent | null> {
  const db = createDb(getServerEnv().DB);
  const client = await findDeviceClient({ db, clientId: row.client_id });
  const scope = parseScope(row.scope);
  if (!client.ok || !scope.ok) return null;
  return {
    requestId: row.id,
    client: client.client,
    userCode: formatUserCode(userCode),
    scope: scope.scope,
    programKey: row.program_key,
    suggested: JSON.parse(row.suggested) as DeviceConsent["suggested"],
    deviceName: row.device_name,
    requester: { ip: row.requester_ip, location: row.requester_location, agent: row.requester_agent },
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    seenAt: now,
  };
}

/** The pending request a typed user code names. Malformed input is not counted; every other try is. */
export async function lookupDeviceRequest({ input, clientIp, now = Date.now() }: { input: string; clientIp: string | null; now?: number }): Promise<DeviceLookup> {
  const userCode = normalizeUserCode(input);
  if (!userCode) return { kind: "invalid" };
  const env = getServerEnv();
  const db = createDb(env.DB);
  const decision = await hitRateLimit({ db, key: `device-code-ip:${clientIp ?? "unknown"}`, limit: env.DEVICE_CODE_ENTRIES_PER_IP, windowMs: WINDOW_MS, now });
  if (!decision.allowed) return { kind: "rate_limited", minutes: Math.ceil(decision.retryAfterSeconds / 60) };
  const row = await findPendingByUserCodeHash({ db, userCodeHash: hashUserCode({ code: userCode, secret: env.AUTH_SECRET }), now });
  const consent = row ? await toConsent({ row, userCode, now }) : null;
  return consent ? { kind: "found", consent } : { kind: "invalid" };
}

export async function approveDeviceAuthorization({ userId, body, now }: { userId: string; body: ApproveBody; now: number }): Promise<{ approved: true }> {
  const db = createDb(getServerEnv().DB);
  const row = await getDeviceAuthorization({ db, id: body.requestId });
  if (!row || row.status !== "pending" || row.expires_at <= now) throw expired();
  const requested = parseScope(row.scope);
  if (!requested.ok) throw expired();
  const { pending, granted } = prepareConnection({ connection: body.connection, requested: requested.scope, registeredOrigins: [] });
  const ok = await markDeviceApproved({ db, id: row.id, userId, connectionId: pending.body.id, connectionBody: JSON.stringify(pending), grantedScope: granted, sealedSecret: body.sealedSecret, now, holdMs: APPROVAL_HOLD_MS });
  if (!ok) throw expired();
  return { approved: true };
}

export async function denyDeviceAuthorization({ requestId, now }: { requestId: string; now: number }): Promise<{ denied: true }> {
  if (!(await markDeviceDenied({ db: createDb(getServerEnv().DB), id: requestId, now }))) throw expired();
  return { denied: true };
}
