import type { ModelPrice } from "../../limits/pricing";
import { PROVIDER_IDS, PROVIDERS } from "../../providers/registry";
import type { ProviderId } from "../../providers/types";

// Embedding models' prices, from each registry row's embeddingPrices (decision 016): input
// tokens only, at the row's rate; nothing is generated, so output is 0 and bounded at 0.

export function findEmbeddingPrice({ provider, model }: { provider: ProviderId; model: string }): ModelPrice | null {
  const entry = PROVIDERS[provider].embeddingPrices.find((e) => e.model === model);
  if (!entry) return null;
  return {
    provider,
    model: entry.model,
    aliases: [],
    rates: { input: entry.input, cachedInput: entry.input, cacheWrite: null, output: 0 },
    tiers: [],
    requestFeeUsd: 0,
    maxOutputTokens: 0,
    takenOn: entry.takenOn,
    source: entry.source,
    confirmed: entry.confirmed,
    note: entry.note ?? null,
  };
}

/**
 * The name that routes to an embedding model: a bare id priced by exactly one provider
 * ("text-embedding-3-small" → "openai/text-embedding-3-small"); anything else as given (an
 * explicit "<provider>/<model>", or a name chat routing resolves).
 */
export function routeEmbeddingModel(model: string): string {
  const owners = PROVIDER_IDS.filter((id) => PROVIDERS[id].embeddingPrices.some((e) => e.model === model));
  return owners.length === 1 ? `${owners[0]}/${model}` : model;
}
