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
import { buildAuthorizeUrl, canonicalScope, checkCallback, type SuggestedLimits } from "./authorize-url.js";
import { checkString, normalizeBaseUrl } from "./errors.js";
import { newAuthorizationKeys, randomToken } from "./keys.js";
import { errorFromResponse, postForm } from "./oauth-http.js";
import { decodePrivateKey, openTokenResponse, type RelayGrant } from "./token-response.js";

export { canonicalScope };
export { ConnectError, type ConnectErrorCode } from "./errors.js";
export type { RelayGrant } from "./token-response.js";

export interface PendingAuthorization {
  clientId: string;
  redirectUri: string;
  state: string;
  codeVerifier: string;
  appPrivateKey: string /* base64url */;
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
  suggested?: SuggestedLimits;
  display?: "popup" | "page";
}): { url: string; pending: PendingAuthorization; params: { state: string; codeChallenge: string; key: string } } {
  const base = normalizeBaseUrl(baseUrl);
  checkString(clientId, "clientId", 64);
  checkString(redirectUri, "redirectUri");
  const keys = newAuthorizationKeys();
  const state = randomToken();
  return {
    // buildAuthorizeUrl checks the scope, the suggested limits and display (RangeError).
    url: buildAuthorizeUrl({ base, clientId, redirectUri, scope, state, codeChallenge: keys.codeChallenge, key: keys.publicKey, suggested, display }),
    pending: { clientId, redirectUri, state, codeVerifier: keys.codeVerifier, appPrivateKey: keys.privateKey },
    params: { state, codeChallenge: keys.codeChallenge, key: keys.publicKey },
  };
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
  checkCallback({ base, expectedState: pending.state, state, iss });
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
