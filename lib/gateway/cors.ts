// The gateway from a browser page (decision 022). Pure: the worker entry answers preflights with
// these headers without any I/O, and adds the answer headers once the token's verified policy
// lists the page's origin (stages/authenticate.ts marks the request). The gateway never uses
// cookies, so no answer allows credentials, and no answer says `*`.
import { isSerialisedHttpOrigin } from "../http/origins";

/**
 * Request headers a page may send: what the official SDKs send from a browser (openai with
 * dangerouslyAllowBrowser, @anthropic-ai/sdk with dangerouslyAllowBrowser, @google/genai, the
 * Vercel AI SDK), and nothing else. The gateway reads only the token headers, content-type and
 * the versions and betas it knows; the rest are accepted so the SDKs' preflights pass and are
 * never forwarded upstream.
 */
export const CORS_ALLOWED_HEADERS = [
  "authorization",
  "content-type",
  "accept",
  "x-api-key",
  "anthropic-version",
  "anthropic-beta",
  "anthropic-dangerous-direct-browser-access",
  "x-goog-api-key",
  "x-goog-api-client",
  "openai-organization",
  "openai-project",
  "openai-beta",
  "idempotency-key",
  "x-stainless-arch",
  "x-stainless-lang",
  "x-stainless-os",
  "x-stainless-package-version",
  "x-stainless-runtime",
  "x-stainless-runtime-version",
  "x-stainless-retry-count",
  "x-stainless-timeout",
  "x-stainless-helper",
  "x-stainless-helper-method",
  "x-stainless-poll-helper",
  "x-stainless-custom-poll-interval",
] as const;

/** Answer headers a page may read: request id, cost and budget, rate limits, Retry-After, timing. */
export const CORS_EXPOSED_HEADERS = [
  "x-1relay-request-id",
  "x-1relay-cost-usd",
  "x-1relay-reserved-usd",
  "x-1relay-budget-remaining-usd",
  "x-1relay-output-limit-fitted",
  "x-1relay-dropped-tools",
  "x-ratelimit-limit-requests",
  "x-ratelimit-remaining-requests",
  "x-ratelimit-reset-requests",
  "retry-after",
  "x-should-retry",
  "server-timing",
] as const;

/** How long a browser may reuse a preflight (Chromium caps it at 2 hours). */
export const CORS_MAX_AGE_SECONDS = 7200;

const METHODS = "GET, POST, HEAD";

/**
 * The `Origin` a gateway request comes from when it is another site's page, else null: no
 * header (servers, CLIs, same-origin GETs), or our own origin (the dashboard's key test) are not
 * cross-origin. Anything else, `null` and malformed values included, is returned as sent.
 */
export function crossOriginOf(request: Request): string | null {
  const origin = request.headers.get("origin");
  if (origin === null) return null;
  return origin === new URL(request.url).origin ? null : origin;
}

/**
 * The answer to a preflight (`OPTIONS` on a gateway path), made without any I/O: the token is
 * not sent with a preflight, so the page's origin is named and the actual request is judged
 * against the token's policy. A missing or malformed `Origin` gets no `Access-Control-Allow-*`
 * header (the browser then refuses). Allow-Headers is the fixed allowlist, never an echo of
 * what was asked.
 */
export function answerPreflight(request: Request): Response {
  const headers = new Headers({ vary: "Origin", allow: `${METHODS}, OPTIONS`, "cache-control": "no-store" });
  const origin = request.headers.get("origin");
  if (origin !== null && isSerialisedHttpOrigin(origin)) {
    headers.set("access-control-allow-origin", origin);
    headers.set("access-control-allow-methods", METHODS);
    headers.set("access-control-allow-headers", CORS_ALLOWED_HEADERS.join(", "));
    headers.set("access-control-max-age", String(CORS_MAX_AGE_SECONDS));
    headers.delete("cache-control");
  }
  return new Response(null, { status: 204, headers });
}

/** Headers on an answer to a page whose origin the token lists (success and errors, streams too). */
export function corsAnswerHeaders(origin: string): Record<string, string> {
  return { "access-control-allow-origin": origin, "access-control-expose-headers": CORS_EXPOSED_HEADERS.join(", ") };
}

// Requests whose Origin the verified policy lists (or whose token is not valid at all: a 401 tells
// a page nothing a server could not learn, and lets it say "reconnect"), set by authenticate.
const allowed = new WeakSet<Request>();

/** Marks the request: its answer may be read by the page that sent it. */
export function allowCors(request: Request): void {
  allowed.add(request);
}

/**
 * Adds Vary: Origin to every gateway answer, and the CORS answer headers when the request came
 * from another site's page and was marked, or was refused as an invalid token.
 */
export function applyCorsHeaders({ request, response }: { request: Request; response: Response }): void {
  response.headers.append("vary", "Origin");
  const origin = crossOriginOf(request);
  if (origin === null || !isSerialisedHttpOrigin(origin)) return;
  if (!allowed.has(request) && response.status !== 401) return;
  for (const [name, value] of Object.entries(corsAnswerHeaders(origin))) response.headers.set(name, value);
}
