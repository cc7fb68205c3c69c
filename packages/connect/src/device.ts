/**
 * Device authorization for programs without a browser (RFC 8628; 1Relay decision 021): a CLI, an
 * agent, a bot on a server. The program asks for a code, shows the person a URL and a short code,
 * and polls until the person approves on 1Relay; the token's secret comes back sealed to a key
 * the program made for this request, so only the program can open it.
 *
 *   const device = await requestDeviceCode({ baseUrl, clientId: "1relay-cli" });
 *   console.log(`Open ${device.verificationUri} and enter ${device.userCode}`);
 *   const { token } = await pollDeviceToken({ pending: device.pending });
 *
 * Runs where `fetch` and `crypto.getRandomValues` exist (Node ≥ 20, Deno, Bun, Workers).
 */
import { checkString, ConnectError, normalizeBaseUrl } from "./errors.js";
import { newAuthorizationKeys } from "./keys.js";
import { errorFromResponse, invalidResponse, objectBody, postForm } from "./oauth-http.js";
import { canonicalScope, suggestionParams } from "./authorize-url.js";
import { openTokenResponse, type RelayGrant } from "./token-response.js";

export { ConnectError, type ConnectErrorCode } from "./errors.js";
export type { RelayGrant } from "./token-response.js";

export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

/** What the program keeps in memory while it polls (the verifier and the private key are secrets). */
export interface PendingDevice {
  baseUrl: string;
  clientId: string;
  deviceCode: string;
  codeVerifier: string;
  privateKey: string;
  /** Seconds between polls (grows by 5 after each slow_down). */
  interval: number;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

export interface DeviceAuthorization {
  /** Show it to the person, to compare with the one on 1Relay's page: `XXXX-XXXX`. */
  userCode: string;
  /** Where the person enters the code. */
  verificationUri: string;
  /** The same page with the code filled in (for a link or a QR code). */
  verificationUriComplete: string;
  expiresIn: number;
  pending: PendingDevice;
}

function checkUrl(value: unknown, name: string, status: number): string {
  if (typeof value !== "string") throw invalidResponse(`${name} is missing`, status);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalidResponse(`${name} is not a URL`, status);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.username !== "" || url.password !== "") throw invalidResponse(`${name} is not an http(s) URL`, status);
  return url.href;
}

/** POST /connect/device: a device code for this program, and the code and URL to show. */
export async function requestDeviceCode({
  baseUrl,
  clientId,
  scope,
  suggested,
  deviceName,
  userAgent,
  fetchImpl,
  now = Date.now,
}: {
  baseUrl: string;
  /** A registered public app's id, or the built-in `1relay-cli`. */
  clientId: string;
  /** The v1.1 scope grammar; absent: every provider 1Relay knows (the person chooses). */
  scope?: string;
  suggested?: { budgetUsd?: number; rpm?: number };
  /** Where the program runs (a host name), shown to the person as the program's own words. */
  deviceName?: string;
  /** Sent as User-Agent; shown to the person. */
  userAgent?: string;
  fetchImpl?: typeof fetch;
  now?: () => number;
}): Promise<DeviceAuthorization> {
  const base = normalizeBaseUrl(baseUrl);
  checkString(clientId, "clientId", 64);
  const keys = newAuthorizationKeys();
  const form: Record<string, string | undefined> = {
    client_id: clientId,
    scope: scope === undefined ? undefined : canonicalScope(scope),
    key: keys.publicKey,
    code_challenge: keys.codeChallenge,
    code_challenge_method: "S256",
    device_name: deviceName,
    ...suggestionParams(suggested),
  };
  const answer = await postForm({ url: `${base}/connect/device`, form, fetchImpl: fetchImpl ?? globalThis.fetch, headers: userAgent ? { "user-agent": userAgent } : {} });
  if (!answer.ok) throw errorFromResponse(answer);
  const record = objectBody(answer);
  const { device_code: deviceCode, user_code: userCode, expires_in: expiresIn, interval } = record;
  if (typeof deviceCode !== "string" || !/^[A-Za-z0-9_-]{20,256}$/.test(deviceCode)) throw invalidResponse("device_code is malformed", answer.status);
  if (typeof userCode !== "string" || !/^[A-Z0-9-]{4,20}$/.test(userCode)) throw invalidResponse("user_code is malformed", answer.status);
  if (typeof expiresIn !== "number" || !Number.isInteger(expiresIn) || expiresIn < 1) throw invalidResponse("expires_in is malformed", answer.status);
  const seconds = interval === undefined ? 5 : interval; // RFC 8628 §3.2: 5 seconds when absent
  if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < 1 || seconds > 300) throw invalidResponse("interval is malformed", answer.status);
  return {
    userCode,
    verificationUri: checkUrl(record.verification_uri, "verification_uri", answer.status),
    verificationUriComplete: checkUrl(record.verification_uri_complete ?? record.verification_uri, "verification_uri_complete", answer.status),
    expiresIn,
    pending: { baseUrl: base, clientId, deviceCode, codeVerifier: keys.codeVerifier, privateKey: keys.privateKey, interval: seconds, expiresAt: now() + expiresIn * 1000 },
  };
}

const defaultSleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });

/**
 * Polls /connect/token (RFC 8628 §3.4-3.5) until the person answers: authorization_pending waits
 * another interval, slow_down adds 5 seconds to it, a network failure is tried again (up to
 * `networkRetries` times in a row). Resolves with the relay token; rejects with a ConnectError
 * whose code is access_denied (denied), expired_token (too late), network_error or the server's.
 */
export async function pollDeviceToken({
  pending,
  fetchImpl,
  sleep = defaultSleep,
  signal,
  networkRetries = 5,
  now = Date.now,
}: {
  pending: PendingDevice;
  fetchImpl?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  signal?: AbortSignal;
  networkRetries?: number;
  now?: () => number;
}): Promise<RelayGrant> {
  let interval = pending.interval;
  let failures = 0;
  for (;;) {
    await sleep(interval * 1000, signal);
    if (now() >= pending.expiresAt) throw new ConnectError({ code: "expired_token", message: "the code expired before it was approved" });
    let answer;
    try {
      answer = await postForm({
        url: `${pending.baseUrl}/connect/token`,
        form: { grant_type: DEVICE_CODE_GRANT, device_code: pending.deviceCode, code_verifier: pending.codeVerifier, client_id: pending.clientId },
        fetchImpl: fetchImpl ?? globalThis.fetch,
      });
    } catch (error) {
      if (error instanceof ConnectError && error.code === "network_error" && failures < networkRetries) {
        failures += 1;
        continue;
      }
      throw error;
    }
    failures = 0;
    if (answer.ok) return openTokenResponse({ answer, clientId: pending.clientId, privateKey: pending.privateKey });
    const error = errorFromResponse(answer);
    if (error.code === "authorization_pending") continue;
    if (error.code === "slow_down") {
      interval += 5;
      continue;
    }
    if (error.code === "access_denied") throw new ConnectError({ code: "access_denied", status: answer.status, message: "the request was denied" });
    if (error.code === "expired_token") throw new ConnectError({ code: "expired_token", status: answer.status, message: "the code expired before it was approved" });
    throw error;
  }
}
