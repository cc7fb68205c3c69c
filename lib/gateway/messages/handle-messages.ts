// The Messages API routes through the gateway pipeline (lib/gateway/pipeline.ts).
import type { GatewayDeps } from "../deps";
import { runGatewayPipeline } from "../pipeline";
import { countTokensEndpoint } from "./count-tokens-endpoint";
import { messagesEndpoint } from "./messages-endpoint";

/** POST /v1/messages (also ?beta=true). */
export function handleMessages({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: messagesEndpoint });
}

/** POST /v1/messages/count_tokens. */
export function handleCountTokens({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: countTokensEndpoint });
}

/** HEAD / (Claude Code's first request, a reachability check): 200, no body, nothing read. */
export async function handleReachability(): Promise<Response> {
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
}
