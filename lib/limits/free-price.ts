import type { ProviderId } from "../providers/types";
import type { ModelPrice } from "./pricing";

// The price of a call the provider does not bill (counting tokens): every rate 0. Such a call
// still goes through admission (its rate limit counts) with a reservation of 0, so it is served
// even when the budget is spent, and its usage record costs $0.

export function freeCallPrice({ provider, model }: { provider: ProviderId; model: string }): ModelPrice {
  return {
    provider,
    model,
    aliases: [],
    rates: { input: 0, cachedInput: 0, cacheWrite: null, output: 0 },
    tiers: [],
    requestFeeUsd: 0,
    maxOutputTokens: 0,
    takenOn: "",
    source: "not billed by the provider",
    confirmed: true,
    note: null,
  };
}
