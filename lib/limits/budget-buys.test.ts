import { describe, expect, it } from "vitest";
import { requestsWithinBudget, roughCount } from "./budget-buys";

describe("what a budget buys", () => {
  it("counts typical requests at the catalogue price, rounded down", () => {
    // gpt-4o-mini: 1,000 in at $0.15/M + 1,000 out at $0.60/M = $0.00075 a request.
    expect(requestsWithinBudget({ budgetUsd: 2, provider: "openai", model: "gpt-4o-mini" })).toBe(2_600);
    // claude-haiku-4-5: $1/M in, $5/M out = $0.006 a request.
    expect(requestsWithinBudget({ budgetUsd: 10, provider: "anthropic", model: "claude-haiku-4-5" })).toBe(1_600);
    expect(requestsWithinBudget({ budgetUsd: 0, provider: "openai", model: "gpt-4o-mini" })).toBe(0);
    expect(requestsWithinBudget({ budgetUsd: 2, provider: "openai", model: "no-such-model" })).toBeNull();
  });

  it("rounds to two significant digits, down", () => {
    expect(roughCount(2_666)).toBe(2_600);
    expect(roughCount(99)).toBe(99);
    expect(roughCount(1_999_999)).toBe(1_900_000);
    expect(roughCount(0.4)).toBe(0);
  });
});
