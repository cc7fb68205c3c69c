// GET /v1/models: the models this token may use, in OpenAI's list shape, each under the name
// that routes to it ("groq/openai/gpt-oss-120b" where the bare id would go elsewhere). With a
// model allowlist, exactly those; otherwise every priced model of the granted providers.
import type { ConnectionPolicy } from "../connections/wire";
import { listCatalogue, providersOfModel } from "../providers/catalogue";
import { routableModelId } from "../providers/routing";

export interface ModelList {
  object: "list";
  data: { id: string; object: "model"; created: number; owned_by: string }[];
}

export function listModelsFor({ policy, created }: { policy: ConnectionPolicy; created: number }): ModelList {
  const entries =
    policy.models.length > 0
      ? policy.models.flatMap((model) => {
          const owners = providersOfModel({ model, providers: policy.providers });
          return (owners.length > 0 ? owners : [policy.providers[0]!]).map((provider) => ({ id: routableModelId({ provider, model }), owned_by: provider }));
        })
      : listCatalogue({ providers: policy.providers }).map((entry) => ({ id: entry.id, owned_by: entry.provider }));
  const seen = new Set<string>();
  const data = entries.filter((e) => !seen.has(e.id) && seen.add(e.id)).map((e) => ({ id: e.id, object: "model" as const, created, owned_by: e.owned_by }));
  return { object: "list", data };
}
