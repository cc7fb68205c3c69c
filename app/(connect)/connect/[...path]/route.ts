import { appLogoResponse } from "@/lib/apps/logo-response";
import { readOAuthBody } from "@/lib/connect/oauth-body";
import { oauthError } from "@/lib/connect/oauth-error";
import { exchangeCode, revokeAppToken } from "@/lib/connect/token-service";
import { logError } from "@/lib/errors/log-error";

// The app-facing OAuth endpoints (server to server): POST /connect/token and
// POST /connect/revoke; and GET /connect/logo/{clientId}, the app's logo served from our
// origin for the consent page. One route file for all three (each route file costs bundle size).

type Context = { params: Promise<{ path: string[] }> };

export async function POST(request: Request, context: Context): Promise<Response> {
  const { path } = await context.params;
  const endpoint = path.length === 1 ? path[0] : null;
  if (endpoint !== "token" && endpoint !== "revoke") return oauthError(404, "invalid_request", "No such endpoint.");
  try {
    const body = await readOAuthBody(request);
    if (!body.ok) return oauthError(400, "invalid_request", body.description);
    const authorization = request.headers.get("authorization");
    return endpoint === "token" ? await exchangeCode({ body: body.value, authorization, now: Date.now() }) : await revokeAppToken({ body: body.value, authorization });
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
