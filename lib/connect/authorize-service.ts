import "server-only";
import { getPublicApp, type PublicApp } from "../db/app-queries";
import { deleteStaleAuthorizationRequests, getAuthorizationRequest, insertAuthorizationRequest } from "../db/authorization-queries";
import { hitRateLimit } from "../db/rate-limits";
import { createDb } from "../db/client";
import { encodeHex } from "../crypto/encoding";
import { randomBytes } from "../crypto/random";
import { getServerEnv } from "../env/server-env";
import { parseAuthorizeQuery } from "./authorize-request";
import { buildRedirectUrl, matchRedirectUri } from "./redirect-uri";
import { formatScope, parseScope, type ParsedScope } from "./scope";
import { policyScopeFromScope } from "./scope-policy";

// GET /connect/authorize: check the app's request and store it; the consent page then works
// on the stored request (by its random id), so signing in or unlocking the vault on the way
// never loses it. An unknown client, an unregistered redirect URI, missing or non-S256 PKCE, a
// missing state or key: an error page, never a redirect (RFC 9700 §4.1, open redirectors).

/** How long the person has to answer the consent page. */
export const CONSENT_TTL_MS = 15 * 60_000;

const NEVER_REDIRECT = new Set(["client_id", "redirect_uri", "state", "code_challenge", "code_challenge_method", "key", "response_type"]);

export type AuthorizeStart =
  | { kind: "error"; title: string; message: string }
  | { kind: "redirect"; url: string }
  | { kind: "stored"; requestId: string };

/** Authorization requests one client IP may start per window (AUTHORIZE_REQUESTS_PER_IP per 15 minutes). */
const AUTHORIZE_WINDOW_MS = 15 * 60_000;

export async function startAuthorization({ searchParams, issuer, clientIp, now = Date.now() }: { searchParams: URLSearchParams; issuer: string; clientIp: string | null; now?: number }): Promise<AuthorizeStart> {
  const env = getServerEnv();
  const db = createDb(env.DB);
  if (clientIp) {
    const decision = await hitRateLimit({ db, key: `authorize-ip:${clientIp}`, limit: env.AUTHORIZE_REQUESTS_PER_IP, windowMs: AUTHORIZE_WINDOW_MS, now });
    if (!decision.allowed) return { kind: "error", title: "Too many requests", message: `Too many connection requests came from your network. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minutes.` };
  }
  // Every new request also sweeps expired ones (the scheduled purge does it at least once a minute).
  await deleteStaleAuthorizationRequests({ db, now });
  const clientId = searchParams.get("client_id");
  const app = clientId ? await getPublicApp({ db, clientId }) : null;
  if (!app) return { kind: "error", title: "Unknown app", message: "This link names an app that is not registered with 1Relay. Go back to the app and try again, or tell its developer." };
  const redirectUri = searchParams.get("redirect_uri");
  if (!redirectUri || searchParams.getAll("redirect_uri").length !== 1 || !matchRedirectUri({ registered: app.redirectUris, requested: redirectUri })) {
    return { kind: "error", title: "Unregistered redirect address", message: `This link would send you back to an address ${app.name} has not registered with 1Relay, so it was stopped.` };
  }
  const parsed = parseAuthorizeQuery(searchParams);
  if (!parsed.ok) {
    if (!parsed.redirect || NEVER_REDIRECT.has(parsed.param)) return { kind: "error", title: "This request cannot be used", message: `${app.name} sent an invalid request: ${parsed.description}` };
    return { kind: "redirect", url: buildRedirectUrl({ redirectUri, params: { error: parsed.error, error_description: parsed.description, state: parsed.redirect.state, iss: issuer } }) };
  }
  const request = parsed.request;
  const policyScope = policyScopeFromScope(request.scope);
  if (!policyScope.ok) {
    return { kind: "redirect", url: buildRedirectUrl({ redirectUri, params: { error: "invalid_scope", error_description: policyScope.message, state: request.state, iss: issuer } }) };
  }
  const requestId = encodeHex(randomBytes(16));
  await insertAuthorizationRequest({
    db,
    row: {
      id: requestId,
      client_id: app.clientId,
      redirect_uri: redirectUri,
      state: request.state,
      code_challenge: request.codeChallenge,
      scope: formatScope(request.scope),
      app_key: request.key,
      suggested: JSON.stringify(request.suggested),
      display: request.display ?? "page",
      status: "pending",
      user_id: null,
      connection_id: null,
      connection_body: null,
      granted_scope: null,
      sealed_secret: null,
      code_hash: null,
      code_expires_at: null,
      created_at: now,
      expires_at: now + CONSENT_TTL_MS,
    },
  });
  return { kind: "stored", requestId };
}

export interface ConsentRequest {
  requestId: string;
  app: PublicApp;
  scope: ParsedScope;
  scopeText: string;
  appKey: string;
  suggested: { budgetUsd?: number; rpm?: number };
  display: "page" | "popup";
  redirectOrigin: string;
}

/** The stored request for the consent page, or null when it is unknown, answered or expired. */
export async function loadConsentRequest({ requestId, now = Date.now() }: { requestId: string; now?: number }): Promise<ConsentRequest | null> {
  if (!/^[0-9a-f]{32}$/.test(requestId)) return null;
  const db = createDb(getServerEnv().DB);
  const row = await getAuthorizationRequest({ db, id: requestId });
  if (!row || row.status !== "pending" || row.expires_at <= now) return null;
  const app = await getPublicApp({ db, clientId: row.client_id });
  const scope = parseScope(row.scope);
  if (!app || !scope.ok) return null;
  return {
    requestId,
    app,
    scope: scope.scope,
    scopeText: row.scope,
    appKey: row.app_key,
    suggested: JSON.parse(row.suggested) as ConsentRequest["suggested"],
    display: row.display,
    redirectOrigin: new URL(row.redirect_uri).host,
  };
}
