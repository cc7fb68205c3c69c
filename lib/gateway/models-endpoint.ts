// GET /v1/models: the models this token may use. It authenticates like a chat request (one
// call to the account object, no admission) and answers from the verified policy.
import type { ConnectionPolicy } from "../connections/wire";
import { wipeBytes } from "../crypto/bytes";
import { readBearerToken } from "./chat/chat-endpoint";
import { createGatewayContext, type GatewayContext } from "./context";
import type { GatewayDeps } from "./deps";
import { connectionPaused, gatewayErrorResponse } from "./gateway-error";
import { listModelsFor } from "./list-models";
import { authenticate, readCredentials } from "./stages/authenticate";

/** A listing's authentication: the token checked as for a call (no admission), its verified policy. */
export async function authenticateListing({ ctx, token }: { ctx: GatewayContext; token: string | null }): Promise<ConnectionPolicy> {
  const credentials = readCredentials(token);
  const accountId = await ctx.timer.time("lookup", () => ctx.deps.findAccountId(credentials.connectionId));
  const { connection } = await authenticate({ ctx, credentials, accountId, request: null });
  wipeBytes(connection.ck);
  if (connection.status === "paused") throw connectionPaused();
  return connection.policy;
}

export async function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  try {
    const policy = await authenticateListing({ ctx, token: readBearerToken(request) });
    const list = listModelsFor({ policy, created: Math.floor(deps.now() / 1000) });
    return new Response(JSON.stringify(list), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": ctx.requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId });
  }
}
