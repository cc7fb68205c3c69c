// GET /v1/models: the models this token may use. It authenticates like a chat request (one
// call to the account object, no admission) and answers from the verified policy.
import { wipeBytes } from "../crypto/bytes";
import { readBearerToken } from "./chat/chat-endpoint";
import { createGatewayContext } from "./context";
import type { GatewayDeps } from "./deps";
import { connectionPaused, gatewayErrorResponse } from "./gateway-error";
import { listModelsFor } from "./list-models";
import { authenticate, readCredentials } from "./stages/authenticate";

export async function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  try {
    const credentials = readCredentials(readBearerToken(request));
    const accountId = await ctx.timer.time("lookup", () => deps.findAccountId(credentials.connectionId));
    const { connection } = await authenticate({ ctx, credentials, accountId, request: null });
    wipeBytes(connection.ck);
    if (connection.status === "paused") throw connectionPaused();
    const list = listModelsFor({ policy: connection.policy, created: Math.floor(deps.now() / 1000) });
    return new Response(JSON.stringify(list), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": ctx.requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId });
  }
}
