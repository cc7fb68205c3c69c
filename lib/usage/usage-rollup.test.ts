import { describe, expect, it } from "vitest";
import { pivotSeries, rollUp, sumTotals } from "./usage-rollup";
import type { UsageGroupRow } from "./usage-types";

const g = (connectionId: string, provider: string, model: string, requests: number, costMicroUsd: number, api = "chat"): UsageGroupRow => ({
  connectionId,
  connectionName: connectionId === "gone" ? null : `App ${connectionId}`,
  provider,
  model,
  api,
  requests,
  errors: 0,
  inputTokens: requests * 10,
  outputTokens: requests * 5,
  costMicroUsd,
});

const groups = [g("a", "openai", "gpt-4o-mini", 2, 30), g("a", "anthropic", "claude-haiku-4-5", 1, 100), g("b", "anthropic", "claude-haiku-4-5", 3, 300), g("gone", "openai", "gpt-4o-mini", 1, 0)];

describe("rollUp", () => {
  it("sums by connection, provider and model, dearest first", () => {
    expect(rollUp(groups, "connection").map((r) => [r.label, r.requests, r.costMicroUsd])).toEqual([
      ["App b", 3, 300],
      ["App a", 3, 130],
      ["(removed)", 1, 0],
    ]);
    expect(rollUp(groups, "provider").map((r) => [r.key, r.requests, r.costMicroUsd, r.inputTokens])).toEqual([
      ["anthropic", 4, 400, 40],
      ["openai", 3, 30, 30],
    ]);
    expect(rollUp(groups, "model").map((r) => r.key)).toEqual(["claude-haiku-4-5", "gpt-4o-mini"]);
  });
  it("sums by API under the API's name, dearest first", () => {
    const withApis = [g("a", "anthropic", "claude-haiku-4-5", 2, 200, "messages"), g("a", "anthropic", "claude-haiku-4-5", 5, 0, "count_tokens"), g("b", "openai", "gpt-4o-mini", 1, 50), g("c", "openai", "gpt-4o-mini", 1, 20, "later_api")];
    expect(rollUp(withApis, "api").map((r) => [r.key, r.label, r.requests, r.costMicroUsd])).toEqual([
      ["messages", "Anthropic Messages", 2, 200],
      ["chat", "Chat Completions", 1, 50],
      ["later_api", "later_api", 1, 20],
      ["count_tokens", "Messages count_tokens", 5, 0],
    ]);
  });
  it("totals add up", () => {
    expect(sumTotals(groups)).toEqual({ requests: 7, errors: 0, inputTokens: 70, outputTokens: 35, costMicroUsd: 430 });
  });
});

describe("pivotSeries", () => {
  it("fills every bucket and orders series by spend", () => {
    const day = 86_400_000;
    const range = { name: "custom", from: 0, to: 3 * day, bucket: "day" as const };
    const s = pivotSeries({
      range,
      by: "provider",
      rows: [
        { bucket: 0, key: "openai", label: "openai", requests: 2, costMicroUsd: 1_000_000 },
        { bucket: 2 * day, key: "anthropic", label: "anthropic", requests: 1, costMicroUsd: 3_000_000 },
        { bucket: 99 * day, key: "openai", label: "openai", requests: 9, costMicroUsd: 9 },
      ],
    });
    expect(s.keys.map((k) => k.key)).toEqual(["anthropic", "openai"]);
    expect(s.points).toEqual([
      { t: 0, "cost:anthropic": 0, "req:anthropic": 0, "cost:openai": 1, "req:openai": 2 },
      { t: day, "cost:anthropic": 0, "req:anthropic": 0, "cost:openai": 0, "req:openai": 0 },
      { t: 2 * day, "cost:anthropic": 3, "req:anthropic": 1, "cost:openai": 0, "req:openai": 0 },
    ]);
  });
});
