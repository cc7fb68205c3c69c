/**
 * The helper an app's server uses to connect a person's 1Relay (security
 * model, "App authorization"). Runs in Node ≥ 20, Workers, Deno and
 * browsers: only `fetch`, `crypto.getRandomValues` and @noble; no node: imports.
 *
 *   1. startAuthorization → send the person to `url` (or give `params` to the
 *      widget); keep `pending` on your server (it holds the PKCE verifier
 *      and the private key that opens the token).
 *   2. On the redirect (or the widget's result): exchangeCode with the
 *      returned code, state and iss → the relay token `1r_…`.
 *   3. revokeToken when the person disconnects in your app.
 */
import { x25519 } from "@noble/curves/ed25519.js";
import { assembleRelayToken } from "../crypto/assemble-token";
import { wipeBytes } from "../crypto/bytes";
import { equalBytes } from "../crypto/compare";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "../crypto/encoding";
import { isCryptoError } from "../crypto/errors";
import { randomBytes } from "../crypto/random";
import { challengeFromVerifier, newCodeVerifier } from "./pkce";
import { formatScope, parseScope } from "./scope";

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string;
  codeVerifier: string;
  appPrivateKey: string /* base64url */;
}

/** A failure of the flow; `code` is an OAuth error code from the server, or one of ours (below). */
export class ConnectError extends Error {
  readonly code: string;
  readonly status?: number;

  constructor({ code, message, status }: { code: string; message: string; status?: number }) {
    super(message);
    this.name = "ConnectError";
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}

/** Codes of our own: state_mismatch, iss_mismatch, invalid_response, network_error, seal_failed. */
export type ConnectErrorCode = "state_mismatch" | "iss_mismatch" | "invalid_response" | "network_error" | "seal_failed";

function checkString(value: unknown, name: string, max = 2000): string {
  if (typeof value !== "string" || value.length === 0) throw new TypeError(`${name} must be a non-empty string`);
  if (value.length > max) throw new RangeError(`${name} must be at most ${max} characters`);
  return value;
}

/** `https://relay.example` (no trailing slash); http is allowed for local development. */
function normalizeBaseUrl(baseUrl: unknown): string {
  checkString(baseUrl, "baseUrl");
  let url: URL;
  try {
    url = new URL(baseUrl as string);
  } catch {
    throw new TypeError("baseUrl must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError("baseUrl must be an http(s) URL");
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new TypeError("baseUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}

function randomToken(): string {
  const bytes = randomBytes(32);
  try {
    return encodeBase64Url(bytes);
  } finally {
    wipeBytes(bytes);
  }
}

/**
 * Prepares an authorization: PKCE verifier and challenge, state, and a
 * fresh X25519 key pair for the sealed token secret. Returns the URL to open
 * and what to keep server-side until the code comes back.
 */
export function startAuthorization({
  baseUrl,
  clientId,
  redirectUri,
  scope,
  suggested,
  display,
}: {
  baseUrl: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  suggested?: { budgetUsd?: number; rpm?: number };
  display?: "popup" | "page";
}): { url: string; pending: PendingAuthorization; params: { state: string; codeChallenge: string; key: string } } {
  const base = normalizeBaseUrl(baseUrl);
  checkString(clientId, "clientId", 64);
  checkString(redirectUri, "redirectUri");
  const parsedScope = parseScope(scope);
  if (!parsedScope.ok) throw new RangeError(`scope is invalid: ${parsedScope.message}`);
  const budgetUsd = suggested?.budgetUsd;
  const rpm = suggested?.rpm;
  if (budgetUsd !== undefined && !(typeof budgetUsd === "number" && Number.isFinite(budgetUsd) && budgetUsd >= 0 && budgetUsd <= 1_000_000)) {
    throw new RangeError("suggested.budgetUsd must be a number from 0 to 1000000");
  }
  if (rpm !== undefined && !(Number.isInteger(rpm) && rpm >= 1 && rpm <= 100_000)) {
    throw new RangeError("suggested.rpm must be a whole number from 1 to 100000");
  }
  if (display !== undefined && display !== "popup" && display !== "page") throw new RangeError("display must be popup or page");

  const codeVerifier = newCodeVerifier();
  const codeChallenge = challengeFromVerifier(codeVerifier);
  const state = randomToken();
  const privateKey = randomBytes(32);
  const key = encodeBase64Url(x25519.getPublicKey(privateKey));
  const appPrivateKey = encodeBase64Url(privateKey);
  wipeBytes(privateKey);

  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: formatScope(parsedScope.scope),
    state,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    key,
  });
  // Whole cents are enough for a suggestion, and avoid "1e-7" (refused by the server's plain-decimal rule).
  if (budgetUsd !== undefined) query.set("budget_usd", String(Math.round(budgetUsd * 100) / 100));
  if (rpm !== undefined) query.set("rpm", String(rpm));
  if (display !== undefined) query.set("display", display);
  return {
    url: `${base}/connect/authorize?${query.toString()}`,
    pending: { clientId, redirectUri, state, codeVerifier, appPrivateKey },
    params: { state, codeChallenge, key },
  };
}

function sameString(a: string, b: string): boolean {
  return equalBytes(encodeUtf8(a), encodeUtf8(b));
}

async function postForm({
  url,
  form,
  fetchImpl,
}: {
  url: string;
  form: Record<string, string | undefined>;
  fetchImpl: typeof fetch;
}): Promise<{ status: number; ok: boolean; body: unknown }> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined) body.set(name, value);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      redirect: "manual",
    });
  } catch (cause) {
    throw new ConnectError({ code: "network_error", message: `could not reach 1Relay: ${cause instanceof Error ? cause.message : "fetch failed"}` });
  }
  const text = await response.text();
  let parsed: unknown = undefined;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: response.status, ok: response.status >= 200 && response.status < 300, body: parsed };
}

/** The server's OAuth error (RFC 6749 §5.2) as a ConnectError; never echoes anything but the error fields. */
function errorFromResponse({ status, body }: { status: number; body: unknown }): ConnectError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === "string" && /^[a-z_]{1,64}$/.test(record.error) ? record.error : "server_error";
  const detail =
    typeof record.error_description === "string" && record.error_description.length <= 300 ? `: ${record.error_description}` : "";
  return new ConnectError({ code, status, message: `1Relay answered ${status} ${code}${detail}` });
}

function invalidResponse(message: string, status?: number): ConnectError {
  return new ConnectError({ code: "invalid_response", status, message });
}

/**
 * Exchanges the code for a relay token: checks state (constant time) and
 * iss (RFC 9207) first, then POSTs to /connect/token with the PKCE verifier
 * and opens the sealed secret with the pending private key (wiped after).
 */
export async function exchangeCode({
  baseUrl,
  pending,
  code,
  state,
  iss,
  clientSecret,
  fetchImpl,
}: {
  baseUrl: string;
  pending: PendingAuthorization;
  code: string;
  /** As returned with the code; checked against pending.state in constant time. */
  state: string;
  /** As returned with the code (RFC 9207); when given it must equal baseUrl's origin. */
  iss?: string;
  /** Only for confidential clients. */
  clientSecret?: string;
  fetchImpl?: typeof fetch;
}): Promise<{ token: string; connectionId: string; scope: string; limits: unknown }> {
  const base = normalizeBaseUrl(baseUrl);
  if (typeof pending !== "object" || pending === null) throw new TypeError("pending must be the object startAuthorization returned");
  for (const name of ["clientId", "redirectUri", "state", "codeVerifier", "appPrivateKey"] as const) checkString(pending[name], `pending.${name}`);
  checkString(code, "code", 512);
  if (typeof state !== "string" || !sameString(state, pending.state)) {
    throw new ConnectError({ code: "state_mismatch", message: "the state returned does not match this authorization" });
  }
  if (iss !== undefined && iss !== new URL(base).origin) {
    throw new ConnectError({ code: "iss_mismatch", message: "the code was issued by another server (iss)" });
  }
  if (clientSecret !== undefined) checkString(clientSecret, "clientSecret", 256);
  // Checked before the request: a code can be exchanged only once.
  const appPrivateKey = decodePrivateKey(pending.appPrivateKey);
  try {
    return await redeemCode({ base, pending, code, clientSecret, appPrivateKey, fetchImpl: fetchImpl ?? globalThis.fetch });
  } finally {
    wipeBytes(appPrivateKey);
  }
}

function decodePrivateKey(text: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = decodeBase64Url(text);
  } catch {
    throw new TypeError("pending.appPrivateKey is not base64url");
  }
  if (key.length !== 32) {
    wipeBytes(key);
    throw new RangeError("pending.appPrivateKey must be 32 bytes");
  }
  return key;
}

async function redeemCode({
  base,
  pending,
  code,
  clientSecret,
  appPrivateKey,
  fetchImpl,
}: {
  base: string;
  pending: PendingAuthorization;
  code: string;
  clientSecret?: string;
  appPrivateKey: Uint8Array;
  fetchImpl: typeof fetch;
}): Promise<{ token: string; connectionId: string; scope: string; limits: unknown }> {
  const { status, ok, body } = await postForm({
    url: `${base}/connect/token`,
    form: {
      grant_type: "authorization_code",
      code,
      code_verifier: pending.codeVerifier,
      client_id: pending.clientId,
      redirect_uri: pending.redirectUri,
      client_secret: clientSecret,
    },
    fetchImpl,
  });
  if (!ok) throw errorFromResponse({ status, body });
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : null;
  if (record === null) throw invalidResponse("the token endpoint did not answer with a JSON object", status);
  const { token_type: tokenType, connection_id: connectionId, sealed_secret: sealed, scope, limits } = record;
  if (tokenType !== "relay") throw invalidResponse('token_type must be "relay"', status);
  if (typeof connectionId !== "string" || !/^[0-9a-f]{32}$/.test(connectionId)) throw invalidResponse("connection_id is malformed", status);
  if (typeof sealed !== "string" || sealed.length > 1024) throw invalidResponse("sealed_secret is malformed", status);
  if (typeof scope !== "string") throw invalidResponse("scope is missing", status);

  try {
    const token = assembleRelayToken({ clientId: pending.clientId, connectionId, appPrivateKey, sealed });
    return { token, connectionId, scope, limits };
  } catch (error) {
    if (isCryptoError(error)) {
      throw new ConnectError({ code: "seal_failed", status, message: "the sealed secret does not open with this authorization's key" });
    }
    throw error;
  }
}

/** Revokes a relay token the app holds (RFC 7009); succeeds for unknown tokens too. */
export async function revokeToken({
  baseUrl,
  clientId,
  token,
  clientSecret,
  fetchImpl,
}: {
  baseUrl: string;
  clientId: string;
  token: string;
  clientSecret?: string;
  fetchImpl?: typeof fetch;
}): Promise<void> {
  const base = normalizeBaseUrl(baseUrl);
  checkString(clientId, "clientId", 64);
  checkString(token, "token", 512);
  if (clientSecret !== undefined) checkString(clientSecret, "clientSecret", 256);
  const { status, ok, body } = await postForm({
    url: `${base}/connect/revoke`,
    form: { token, client_id: clientId, client_secret: clientSecret },
    fetchImpl: fetchImpl ?? globalThis.fetch,
  });
  if (!ok) throw errorFromResponse({ status, body });
}
