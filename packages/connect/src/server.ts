/**
 * The helper an app's server uses to connect a person's 1Relay (security model, "App
 * authorization"). Runs in Node ≥ 20, Cloudflare Workers, Deno and Bun: only `fetch`,
 * `crypto.getRandomValues` and @noble; no node: imports.
 *
 *   1. startAuthorization → send the person to `url` (or give `params` to the widget); keep
 *      `pending` on your server (it holds the PKCE verifier and the private key that opens the token).
 *   2. On the redirect (or the widget's result): exchangeCode with the returned code, state and
 *      iss → the relay token `1r_…`.
 *   3. revokeToken when the person disconnects in your app.
 */
import { equalBytes } from "../../../lib/crypto/compare";
import { encodeUtf8 } from "../../../lib/crypto/encoding";
import { formatScope, parseScope } from "../../../lib/connect/scope";
import { checkString, ConnectError, normalizeBaseUrl } from "./errors.js";
import { newAuthorizationKeys, randomToken } from "./keys.js";
import { errorFromResponse, postForm } from "./oauth-http.js";
import { decodePrivateKey, openTokenResponse, type RelayGrant } from "./token-response.js";

export { ConnectError, type ConnectErrorCode } from "./errors.js";
export type { RelayGrant } from "./token-response.js";

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string;
  codeVerifier: string;
  appPrivateKey: string /* base64url */;
}

/** Checks a scope (the v1.1 grammar) and returns its canonical text; RangeError when invalid. */
export function canonicalScope(scope: string): string {
  const parsed = parseScope(scope);
  if (!parsed.ok) throw new RangeError(`scope is invalid: ${parsed.message}`);
  return formatScope(parsed.scope);
}

/** Suggested limits, checked as the server checks them; whole cents for the budget (never "1e-7"). */
export function suggestionParams(suggested: { budgetUsd?: number; rpm?: number } | undefined): Record<string, string> {
  const budgetUsd = suggested?.budgetUsd;
  const rpm = suggested?.rpm;
  if (budgetUsd !== undefined && !(typeof budgetUsd === "number" && Number.isFinite(budgetUsd) && budgetUsd >= 0 && budgetUsd <= 1_000_000)) {
    throw new RangeError("suggested.budgetUsd must be a number from 0 to 1000000");
  }
  if (rpm !== undefined && !(Number.isInteger(rpm) && rpm >= 1 && rpm <= 100_000)) throw new RangeError("suggested.rpm must be a whole number from 1 to 100000");
  const params: Record<string, string> = {};
  if (budgetUsd !== undefined) params.budget_usd = String(Math.round(budgetUsd * 100) / 100);
  if (rpm !== undefined) params.rpm = String(rpm);
  return params;
}

/**
 * Prepares an authorization: PKCE verifier and challenge, state, and a fresh X25519 key pair for
 * the sealed token secret. Returns the URL to open and what to keep server-side until the code
 * comes back.
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
  const scopeText = canonicalScope(scope);
  const suggestions = suggestionParams(suggested);
  if (display !== undefined && display !== "popup" && display !== "page") throw new RangeError("display must be popup or page");

  const keys = newAuthorizationKeys();
  const state = randomToken();
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: scopeText,
    state,
    code_challenge: keys.codeChallenge,
    code_challenge_method: "S256",
    key: keys.publicKey,
    ...suggestions,
  });
  if (display !== undefined) query.set("display", display);
  return {
    url: `${base}/connect/authorize?${query.toString()}`,
    pending: { clientId, redirectUri, state, codeVerifier: keys.codeVerifier, appPrivateKey: keys.privateKey },
    params: { state, codeChallenge: keys.codeChallenge, key: keys.publicKey },
  };
}

function sameString(a: string, b: string): boolean {
  return equalBytes(encodeUtf8(a), encodeUtf8(b));
}

/**
 * Exchanges the code for a relay token: checks state (constant time) and iss (RFC 9207) first,
 * then POSTs to /connect/token with the PKCE verifier and opens the sealed secret with the
 * pending private key.
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
}): Promise<RelayGrant> {
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
  decodePrivateKey(pending.appPrivateKey).fill(0);
  const answer = await postForm({
    url: `${base}/connect/token`,
    form: { grant_type: "authorization_code", code, code_verifier: pending.codeVerifier, client_id: pending.clientId, redirect_uri: pending.redirectUri, client_secret: clientSecret },
    fetchImpl: fetchImpl ?? globalThis.fetch,
  });
  if (!answer.ok) throw errorFromResponse(answer);
  return openTokenResponse({ answer, clientId: pending.clientId, privateKey: pending.appPrivateKey });
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
  const answer = await postForm({ url: `${base}/connect/revoke`, form: { token, client_id: clientId, client_secret: clientSecret }, fetchImpl: fetchImpl ?? globalThis.fetch });
  if (!answer.ok) throw errorFromResponse(answer);
}
