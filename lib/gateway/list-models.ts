// GET /v1/models: the models this token may use, in OpenAI's list shape. With a model
// allowlist, exactly those; otherwise every priced model of the granted providers.
import type { ConnectionPolicy } from "../connections/wire";
import { listPrices } from "../limits/pricing";

export interface ModelList {
  object: "list";
  data: { id: string; object: "model"; created: number; owned_by: string }[];
}

export function listModelsFor({ policy, created }: { policy: ConnectionPolicy; created: number }): ModelList {
  const priced = listPrices().filter((p) => policy.providers.includes(p.provider));
  const entries =
    policy.models.length > 0
      ? policy.models.map((id) => ({ id, owned_by: priced.find((p) => p.model === id)?.provider ?? policy.providers[0]! }))
      : priced.map((p) => ({ id: p.model, owned_by: p.provider }));
  return { object: "list", data: entries.map((e) => ({ id: e.id, object: "model", created, owned_by: e.owned_by })) };
}
