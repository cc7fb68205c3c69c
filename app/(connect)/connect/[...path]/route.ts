import { getCloudflareContext } from "@opennextjs/cloudflare";
import { appLogoResponse } from "@/lib/apps/logo-response";
import { clientAllowsOrigin, clientIdOfBody, CONNECT_CORS_ENDPOINTS, connectCrossOrigin, connectPreflight, withConnectCors } from "@/lib/connect/connect-cors";
import { startDeviceAuthorization } from "@/lib/connect/device-service";
import { getAppCredentials } from "@/lib/db/app-queries";
import { createDb } from "@/lib/db/client";
import { getServerEnv } from "@/lib/env/server-env";
import { readOAuthBody } from "@/lib/connect/oauth-body";
import { oauthError } from "@/lib/connect/oauth-error";
import { describeRequester } from "@/lib/connect/requester";
import { exchangeCode, revokeAppToken } from "@/lib/connect/token-service";
import { logError } from "@/lib/errors/log-error";

// The app-facing OAuth endpoints: POST /connect/token, POST /connect/revoke (also from a browser
// page on an origin the client registered, decision 022)
// and POST /connect/device (RFC 8628, decision 021); and GET /connect/logo/{clientId}, the app's
// logo served from our origin for the consent page. One route file for all of them (each route
// file costs bundle size).

const ENDPOINTS = ["token", "revoke", "device"] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** Cloudflare's geolocation of the client address (approximate), when the platform gives one. */
function requestCf(): Record<string, unknown> | null {
  try {
    return (getCloudflareContext().cf as Record<string, unknown> | undefined) ?? null;
  } catch {
    return null;
  }
}

function answer({ endpoint, body, request }: { endpoint: Endpoint; body: unknown; request: Request }): Promise<Response> {
  const authorization = request.headers.get("authorization");
  if (endpoint === "token") return exchangeCode({ body, authorization, now: Date.now() });
  if (endpoint === "revoke") return revokeAppToken({ body, authorization });
  return startDeviceAuthorization({ body, authorization, requester: describeRequester({ headers: request.headers, cf: requestCf() }), now: Date.now() });
}

type Context = { params: Promise<{ path: string[] }> };

/** Another site's page calling /connect/token or /connect/revoke (decision 022): its origin, or null for servers and our own pages. */
function pageOrigin(request: Request): string | null {
  return connectCrossOrigin({ request, publicUrl: getServerEnv().PUBLIC_URL });
}

/** A page's call is answered only for an origin its client registered; the answer then names that origin. */
async function answerPage({ endpoint, body, request, origin }: { endpoint: Endpoint; body: unknown; request: Request; origin: string }): Promise<Response> {
  const clientId = (CONNECT_CORS_ENDPOINTS as readonly string[]).includes(endpoint) ? clientIdOfBody(body) : null;
  const app = clientId ? await getAppCredentials({ db: createDb(getServerEnv().DB), clientId }) : null;
  if (!app || !clientAllowsOrigin({ origin, registered: app.origins })) {
    return oauthError(403, "unauthorized_client", "This client has not registered the web origin of this page (its developer lists origins on the app's page).");
  }
  return withConnectCors({ response: await answer({ endpoint, body, request }), origin });
}

export async function OPTIONS(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  if (path.length !== 1 || !(CONNECT_CORS_ENDPOINTS as readonly string[]).includes(path[0]!)) return new Response(null, { status: 404 });
  return connectPreflight(request);
}

export async function POST(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  const endpoint = path.length === 1 ? ENDPOINTS.find((name) => name === path[0]) : undefined;
  if (!endpoint) return oauthError(404, "invalid_request", "No such endpoint.");
  try {
    const body = await readOAuthBody(request);
    if (!body.ok) return oauthError(400, "invalid_request", body.description);
    const origin = pageOrigin(request);
    if (origin !== null) return await answerPage({ endpoint, body: body.value, request, origin });
    return await answer({ endpoint, body: body.value, request });
  } catch (error) {
    logError({ where: `POST /connect/${endpoint}`, error });
    return new Response(JSON.stringify({ error: "server_error", error_description: "The server failed to handle this request." }), { status: 500, headers: { "content-type": "application/json", "cache-control": "no-store" } });
  }
}

export async function GET(_request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  if (path.length === 2 && path[0] === "logo" && /^[A-Za-z0-9_-]{1,64}$/.test(path[1]!)) return appLogoResponse({ clientId: path[1]! });
  return new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } });
}
