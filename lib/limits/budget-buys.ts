// "What a budget buys", for the token form and the consent page: how many requests of a typical
// size (1,000 tokens in, 1,000 out) a monthly budget pays for, at a model's catalogue price.
// Pure; a figure for people, rounded down to two significant digits ("≈ 2,600").
import { computeCostMicroUsd, findPrice } from "./pricing";
import { usdToMicroUsd } from "../money/money";
import type { ProviderId } from "../providers/types";

export const TYPICAL_REQUEST = { inputTokens: 1_000, outputTokens: 1_000 } as const;

/** Rounded down to two significant digits: 2,666 → 2,600; 93 → 93. */
export function roughCount(n: number): number {
  if (!Number.isFinite(n) || n < 100) return Math.max(0, Math.floor(n));
  const step = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.floor(n / step) * step;
}

/** Requests of TYPICAL_REQUEST's size `budgetUsd` pays for at `provider`'s price of `model` (null: no price; Infinity: free). */
export function requestsWithinBudget({ budgetUsd, provider, model }: { budgetUsd: number; provider: ProviderId; model: string }): number | null {
  const price = findPrice({ provider, model });
  if (!price) return null;
  const cost = computeCostMicroUsd({ price, usage: { ...TYPICAL_REQUEST, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } });
  if (cost === 0) return Number.POSITIVE_INFINITY;
  return roughCount(Math.floor(usdToMicroUsd(budgetUsd) / cost));
}
