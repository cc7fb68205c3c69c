// GET /v1/models: the models this token may use. It authenticates like a chat request (one
// call to the account object, no admission) and answers from the verified policy.
import type { GatewayDeps } from "./deps";
import { listModelsFor } from "./list-models";
import { serveTokenView } from "./token-view";

export function handleListModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return serveTokenView({ request, deps, allowPaused: false, view: (connection) => listModelsFor({ policy: connection.policy, created: Math.floor(deps.now() / 1000) }) });
}
