// Model names in a policy come from the gateway's catalogue (contract v1.1, "Policy fields"): a
// name no granted provider prices is refused when the policy is made, with a sentence that says
// which, and the nearest catalogue name when one is close ("gpt-4o-mni" → "gpt-4o-mini").
import { AppError } from "../errors/app-error";
import { findPrice } from "../limits/pricing";
import { listCatalogue } from "../providers/catalogue";
import { isProviderId } from "../providers/registry";
import type { ProviderId } from "../providers/types";

/** The models of `models` that none of `providers` has in the catalogue (priced, so usable under a budget). */
export function findUnknownModels({ models, providers }: { models: readonly string[]; providers: readonly string[] }): string[] {
  const known = providers.filter(isProviderId);
  return models.filter((model) => !known.some((provider) => findPrice({ provider, model }) !== null));
}

/** Levenshtein distance, stopping early above `limit`. */
function distance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, row[j]!);
    }
    if (best > limit) return limit + 1;
    previous = row;
  }
  return previous[b.length]!;
}

/** The catalogue model of `providers` nearest to `model` (at most 3 edits away), if any. */
export function nearestCatalogueModel({ model, providers }: { model: string; providers: readonly ProviderId[] }): string | null {
  let best: { id: string; d: number } | null = null;
  for (const entry of listCatalogue({ providers })) {
    const d = distance(model.toLowerCase(), entry.model.toLowerCase(), 3);
    if (d <= 3 && (!best || d < best.d)) best = { id: entry.model, d };
  }
  return best?.id ?? null;
}

/** A sentence for the person about the first unknown model, or null when every model is known. */
export function describeUnknownModels({ models, providers }: { models: readonly string[]; providers: readonly string[] }): string | null {
  const unknown = findUnknownModels({ models, providers });
  if (unknown.length === 0) return null;
  const first = unknown[0]!;
  const near = nearestCatalogueModel({ model: first, providers: providers.filter(isProviderId) });
  const others = unknown.length > 1 ? ` (and ${unknown.length - 1} more)` : "";
  const hint = near ? ` Did you mean “${near}”?` : " Choose models from the list.";
  return `The model “${first}”${others} is not in 1Relay's catalogue for the providers of this connection, so no request could use it.${hint}`;
}

/** Refuses (400, field policy.models) a policy naming a model outside the catalogue. */
export function requireCatalogueModels(policy: { models: readonly string[]; providers: readonly string[] }): void {
  const problem = describeUnknownModels(policy);
  if (problem) throw new AppError({ code: "bad_request", field: "policy.models", message: problem });
}
