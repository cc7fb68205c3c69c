"use client";

import { requestsWithinBudget } from "@/lib/limits/budget-buys";
import { parseUsdInput, formatUsdAmount } from "@/lib/money/money";
import { PROVIDERS } from "@/lib/providers/registry";
import { providersOfModel } from "@/lib/providers/catalogue";
import type { ProviderId } from "@/lib/providers/types";

/**
 * What the budget pays for, from the catalogue: "$2.00 a month ≈ 2,600 gpt-4o-mini requests of
 * 1,000 tokens in and 1,000 out". For the models chosen (up to three), else each granted
 * provider's everyday model.
 */
export function BudgetBuys({ budget, providers, models }: { budget: string; providers: readonly ProviderId[]; models: readonly string[] }) {
  const usd = parseUsdInput(budget);
  if (usd === null || usd === "invalid" || providers.length === 0) return null;
  const examples = (models.length > 0 ? models.flatMap((model) => providersOfModel({ model, providers }).slice(0, 1).map((provider) => ({ provider, model }))) : providers.map((provider) => ({ provider, model: PROVIDERS[provider].keyTestModel }))).slice(0, 3);
  const figures = examples.flatMap(({ provider, model }) => {
    const n = requestsWithinBudget({ budgetUsd: usd, provider, model });
    return n === null ? [] : [`${n === Number.POSITIVE_INFINITY ? "unlimited" : n.toLocaleString("en-US")} ${model}`];
  });
  if (figures.length === 0) return null;
  return (
    <span data-testid="budget-buys">
      {formatUsdAmount(usd)} a month ≈ {figures.join(", or ")} requests of 1,000 tokens in and 1,000 out.
    </span>
  );
}
