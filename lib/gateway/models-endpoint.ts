// GET /v1/models: the models this token may use. It authenticates like a chat request (one
// call to the account object, no admission) and answers from the verified policy, in OpenAI's
// list shape, or in Anthropic's when the request carries anthropic-version (the token then also
// travels as x-api-key, as Anthropic's clients send it).
import type { ConnectionPolicy } from "../connections/wire";
import { wipeBytes } from "../crypto/bytes";
import { anthropicErrorBody } from "./messages/anthropic-error-body";
import { readAnthropicToken } from "./messages/anthropic-headers";
import { speaksAnthropic, toAnthropicModelList } from "./messages/anthropic-model-list";
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
  const anthropic = speaksAnthropic(request);
  try {
    const policy = await authenticateListing({ ctx, token: readAnthropicToken(request) });
    const list = listModelsFor({ policy, created: Math.floor(deps.now() / 1000) });
    return new Response(JSON.stringify(anthropic ? toAnthropicModelList(list) : list), { headers: { "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": ctx.requestId } });
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId, ...(anthropic ? { errorBody: anthropicErrorBody } : {}) });
  }
}
