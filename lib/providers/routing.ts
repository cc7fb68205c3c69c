import { isProviderId, PROVIDER_IDS, PROVIDERS } from "./registry";
import type { ProviderId } from "./types";

// Which provider serves a model name, from the registry. An explicit "<provider>/<model>" prefix
// always wins and is stripped (the rest may hold further "/" only for providers whose ids do:
// "openrouter/anthropic/claude-sonnet-4.5"). Otherwise the bare name goes to the one provider
// whose families claim it; a name claimed by none, or by more than one, routes nowhere (null).

export interface ResolvedModel {
  provider: ProviderId;
  upstreamModel: string;
}

/** The providers whose bare-name families match `model` (routing needs exactly one). */
export function claimingProviders(model: string): ProviderId[] {
  return PROVIDER_IDS.filter((id) => PROVIDERS[id].routing.families.some((pattern) => pattern.test(model)));
}

export function resolveModel(model: string): ResolvedModel | null {
  const slash = model.indexOf("/");
  if (slash > 0) {
    const prefix = model.slice(0, slash);
    if (isProviderId(prefix)) {
      const upstreamModel = model.slice(slash + 1);
      if (upstreamModel === "") return null;
      if (upstreamModel.includes("/") && !PROVIDERS[prefix].routing.nestedModelIds) return null;
      return { provider: prefix, upstreamModel };
    }
  }
  const claims = claimingProviders(model);
  return claims.length === 1 ? { provider: claims[0]!, upstreamModel: model } : null;
}

/**
 * The shortest name that routes to `model` of `provider`: the bare id where the provider
 * claims it unambiguously, else "<provider>/<model>". What /v1/models lists.
 */
export function routableModelId({ provider, model }: { provider: ProviderId; model: string }): string {
  const bare = resolveModel(model);
  return bare && bare.provider === provider && bare.upstreamModel === model ? model : `${provider}/${model}`;
}
