import "server-only";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { createDb } from "../db/client";
import { deleteStaleDeviceAuthorizations, insertDeviceAuthorization } from "../db/device-queries";
import { hitRateLimit } from "../db/rate-limits";
import { getServerEnv } from "../env/server-env";
import { findDeviceClient } from "./device-clients";
import { formatUserCode, hashDeviceCode, hashUserCode, newDeviceCode, newUserCode } from "./device-codes";
import { parseDeviceRequest } from "./device-request";
import { oauthJson } from "./issue-connection";
import { invalidClientError, oauthError } from "./oauth-error";
import type { Requester } from "./requester";
import { policyScopeFromScope } from "./scope-policy";

// POST /connect/device (RFC 8628 §3.1-3.2, decision 021): a program asks for a device code and a
// short user code, and is told where the person approves. Every URL comes from PUBLIC_URL, never
// from the request. Both codes are stored hashed; the request is limited per client address.

const WINDOW_MS = 15 * 60_000;

/** Where the person enters the code: short, to be typed from a terminal (RFC 8628 §3.3). */
export function verificationUri(publicUrl: string): string {
  return new URL("/device", publicUrl).href;
}

export async function startDeviceAuthorization({ body, authorization, requester, now }: { body: unknown; authorization: string | null; requester: Requester; now: number }): Promise<Response> {
  const env = getServerEnv();
  const db = createDb(env.DB);
  const limit = await hitRateLimit({ db, key: `device-ip:${requester.ip ?? "unknown"}`, limit: env.DEVICE_REQUESTS_PER_IP, windowMs: WINDOW_MS, now });
  if (!limit.allowed) {
    const response = oauthError(429, "slow_down", `Too many device requests from this address. Try again in ${Math.ceil(limit.retryAfterSeconds / 60)} minutes.`);
    response.headers.set("retry-after", String(limit.retryAfterSeconds));
    return response;
  }
  // Every new request also sweeps expired ones (the scheduled purge does it at least once a minute).
  await deleteStaleDeviceAuthorizations({ db, now });
  const parsed = parseDeviceRequest({ body, authorization });
  if (!parsed.ok) return parsed.error === "invalid_client" ? invalidClientError({ viaHeader: parsed.viaHeader, description: parsed.description }) : oauthError(parsed.status, parsed.error, parsed.description);
  const request = parsed.request;
  const found = await findDeviceClient({ db, clientId: request.clientId });
  if (!found.ok) {
    return found.error === "unknown"
      ? invalidClientError({ viaHeader: false, description: "Unknown client." })
      : oauthError(400, "unauthorized_client", "This app has a client secret: the device flow is for public clients.");
  }
  const policyScope = policyScopeFromScope(request.scope);
  if (!policyScope.ok) return oauthError(400, "invalid_scope", policyScope.message);

  const ttlMs = env.DEVICE_CODE_TTL_SECONDS * 1000;
  // A collision of 34-bit user codes among live requests is rare; draw again if it happens.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const deviceCode = newDeviceCode();
    const userCode = newUserCode();
    const inserted = await insertDeviceAuthorization({
      db,
      row: {
        id: encodeHex(randomBytes(16)),
        client_id: found.client.clientId,
        device_code_hash: hashDeviceCode(deviceCode),
        user_code_hash: hashUserCode({ code: userCode, secret: env.AUTH_SECRET }),
        code_challenge: request.codeChallenge,
        scope: request.scopeText,
        program_key: request.key,
        suggested: JSON.stringify(request.suggested),
        device_name: request.deviceName ?? null,
        requester_ip: requester.ip,
        requester_location: requester.location,
        requester_agent: requester.agent,
        status: "pending",
        interval_seconds: env.DEVICE_POLL_INTERVAL_SECONDS,
        last_polled_at: now,
        user_id: null,
        connection_id: null,
        connection_body: null,
        granted_scope: null,
        sealed_secret: null,
        created_at: now,
        expires_at: now + ttlMs,
      },
    });
    if (!inserted) continue;
    const uri = verificationUri(env.PUBLIC_URL);
    const complete = new URL(uri);
    complete.searchParams.set("user_code", formatUserCode(userCode));
    return oauthJson({
      device_code: deviceCode,
      user_code: formatUserCode(userCode),
      verification_uri: uri,
      verification_uri_complete: complete.href,
      expires_in: env.DEVICE_CODE_TTL_SECONDS,
      interval: env.DEVICE_POLL_INTERVAL_SECONDS,
    });
  }
  throw new Error("could not draw unique device codes");
}
