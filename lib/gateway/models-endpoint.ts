// GET /v1/models: the models this token may use. It authenticates like a chat request (one
// call to the account object, no admission) and answers from the verified policy, in OpenAI's
// list shape, or in Anthropic's when the request carries anthropic-version (the token then also
// travels as x-api-key, as Anthropic's clients send it). Gemini's shape: gemini/gemini-models.ts.
import type { GatewayDeps } from "./deps";
import { listModelsFor } from "./list-models";
import { anthropicErrorBody } from "./messages/anthropic-error-body";
import { readAnthropicToken } from "./messages/anthropic-headers";
import { speaksAnthropic, toAnthropicModelList } from "./messages/anthropic-model-list";
import { serveTokenView } from "./token-view";

export function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const anthropic = speaksAnthropic(request);
  return serveTokenView({
    request,
    deps,
    allowPaused: false,
    readToken: readAnthropicToken,
    ...(anthropic ? { errorBody: anthropicErrorBody } : {}),
    view: (connection) => {
      const list = listModelsFor({ policy: connection.policy, created: Math.floor(deps.now() / 1000) });
      return anthropic ? toAnthropicModelList(list) : list;
    },
  });
}
