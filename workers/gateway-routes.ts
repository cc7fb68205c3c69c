// The gateway's endpoints, served by the worker entry itself instead of through Next:
// no middleware, router or React server runtime on the path every relayed request takes
// (decision 011). Only the exact method and path are taken here; anything else (other
// methods, trailing slashes, encoded paths) goes to Next as before, whose route handlers
// call the same functions (they serve `npm run dev`, where this entry is not used).
import { validateServerEnv } from "../lib/env/validated-env";
import { handleChatCompletion } from "../lib/gateway/chat-completion";
import { gatewayDepsFrom } from "../lib/gateway/deps-from-env";
import { gatewayErrorResponse } from "../lib/gateway/gateway-error";
import { handleCountTokens, handleMessages, handleReachability } from "../lib/gateway/messages/handle-messages";
import { handleListModels } from "../lib/gateway/models-endpoint";
import { handleEmbeddings } from "../lib/gateway/embeddings/embeddings-endpoint";
import { geminiRoute, isGeminiPath } from "../lib/gateway/gemini/gemini-routes";
import { answerPreflight, applyCorsHeaders } from "../lib/gateway/cors";
import { handleResponses } from "../lib/gateway/responses/responses-endpoint";
import { newRequestId } from "../lib/gateway/context";
import { handleRelayStatus } from "../lib/gateway/relay-status";
import { apiSecurityHeaders } from "../lib/http/security-headers";

type GatewayHandler = typeof handleChatCompletion;

const routes: Record<string, GatewayHandler> = {
  "POST /v1/chat/completions": handleChatCompletion,
  "GET /v1/models": handleListModels,
  "POST /v1/messages": handleMessages,
  "POST /v1/messages/count_tokens": handleCountTokens,
  "HEAD /": handleReachability,
  "POST /v1/responses": handleResponses,
  "POST /v1/embeddings": handleEmbeddings,
  "GET /v1/relay/status": handleRelayStatus,
};

/** The gateway handler for this request, or null when Next should answer it. */
export function gatewayRoute(request: Request): GatewayHandler | null {
  const { pathname } = new URL(request.url);
  const exact = routes[`${request.method} ${pathname}`] ?? null;
  // Gemini's paths hold the model, and /v1/models answers Google's clients in Gemini's shape.
  if (exact && pathname !== "/v1/models") return exact;
  if (!exact && !pathname.startsWith("/v1beta/") && !pathname.startsWith("/v1/models/")) return null;
  return geminiRoute(request) ?? exact;
}

// Paths a browser page may call cross-origin (HEAD / is the Anthropic clients' reachability probe, not a page's).
const preflightPaths = new Set(Object.keys(routes).map((key) => key.slice(key.indexOf(" ") + 1)).filter((path) => path !== "/"));

/** A CORS preflight for a gateway endpoint (decision 022): answered here, without any I/O, or null. */
export function gatewayPreflight(request: Request): Response | null {
  if (request.method !== "OPTIONS") return null;
  const { pathname } = new URL(request.url);
  if (!preflightPaths.has(pathname) && !isGeminiPath(pathname)) return null;
  return withApiHeaders(request, answerPreflight(request));
}

function withApiHeaders(request: Request, response: Response): Response {
  const isHttps = request.url.startsWith("https:");
  for (const [name, value] of Object.entries(apiSecurityHeaders({ isHttps }))) response.headers.set(name, value);
  return response;
}

export async function serveGateway({ handler, request, env, ctx }: { handler: GatewayHandler; request: Request; env: Record<string, unknown>; ctx: ExecutionContext }): Promise<Response> {
  let response: Response;
  try {
    const deps = gatewayDepsFrom({ env: validateServerEnv(env), waitUntil: (promise) => ctx.waitUntil(promise) });
    response = await handler({ request, deps });
  } catch (error) {
    // Only a misconfigured worker gets here (the handlers answer every error themselves).
    response = gatewayErrorResponse({ error, requestId: newRequestId() });
  }
  // A page whose origin the token's verified policy lists may read the answer (decision 022).
  applyCorsHeaders({ request, response });
  return withApiHeaders(request, response);
}
