import { findPrice, listPrices, type ModelPrice } from "../limits/pricing";
import { PROVIDERS } from "./registry";
import { resolveModel, routableModelId } from "./routing";
import type { ProviderId } from "./types";

// The gateway's catalogue: every priced chat model of every provider, with the name that
// routes to it. /v1/models lists it; a model picker (and policy checks) can read it.

export interface CatalogueEntry {
  provider: ProviderId;
  /** The provider's own model id (what a connection's model list holds). */
  model: string;
  /** The name a client sends to reach it: the bare id where unambiguous, else "<provider>/<model>". */
  id: string;
  /** The provider as the UI names it. */
  providerName: string;
  price: ModelPrice;
}

/** Every priced model, in registry order (optionally only `providers`'). */
export function listCatalogue({ providers }: { providers?: readonly ProviderId[] } = {}): CatalogueEntry[] {
  return listPrices()
    .filter((price) => !providers || providers.includes(price.provider))
    .map((price) => ({ provider: price.provider, model: price.model, id: routableModelId({ provider: price.provider, model: price.model }), providerName: PROVIDERS[price.provider].displayName, price }));
}

/**
 * The providers among `providers` a model id belongs to: the one its name routes to, else those
 * whose catalogue prices it (several serve "openai/gpt-oss-120b").
 */
export function providersOfModel({ model, providers }: { model: string; providers: readonly ProviderId[] }): ProviderId[] {
  const priced = providers.filter((provider) => findPrice({ provider, model }) !== null);
  if (priced.length > 0) return priced;
  const routed = resolveModel(model);
  return routed && providers.includes(routed.provider) ? [routed.provider] : [];
}
