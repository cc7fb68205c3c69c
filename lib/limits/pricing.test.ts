import { describe, expect, it } from "vitest";
import type { ProviderId, Usage } from "../providers/types";
import readme from "./README.md?raw";
import { computeCostMicroUsd, findPrice, listPrices, type ModelPrice, PRICING, ratesForPrompt, renderPricingTable, worstCaseCostMicroUsd } from "./pricing";

function price(provider: ProviderId, model: string): ModelPrice {
  const found = findPrice({ provider, model });
  if (!found) throw new Error(`no price for ${provider}/${model}`);
  return found;
}

const usage = (partial: Partial<Usage>): Usage => ({ inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0, ...partial });

describe("findPrice", () => {
  it.each([
    ["openai", "gpt-5", "gpt-5"],
    ["openai", "gpt-4o-mini", "gpt-4o-mini"],
    ["anthropic", "claude-sonnet-4-5", "claude-sonnet-4-5"],
    ["anthropic", "claude-3-5-haiku-latest", "claude-3-5-haiku"],
    ["anthropic", "claude-sonnet-4-0", "claude-sonnet-4"],
    ["gemini", "gemini-2.5-flash-lite", "gemini-2.5-flash-lite"],
  ] as const)("finds %s %s exactly or by alias", (provider, model, row) => {
    expect(findPrice({ provider, model })?.model).toBe(row);
  });

  it.each([
    ["openai", "gpt-4o-2024-08-06", "gpt-4o"],
    ["openai", "gpt-4o-mini-2024-07-18", "gpt-4o-mini"],
    ["openai", "gpt-4.1-nano-2025-04-14", "gpt-4.1-nano"],
    ["openai", "gpt-5-2025-08-07", "gpt-5"],
    ["openai", "o3-2025-04-16", "o3"],
    ["anthropic", "claude-sonnet-4-5-20250929", "claude-sonnet-4-5"],
    ["anthropic", "claude-haiku-4-5-20251001", "claude-haiku-4-5"],
    ["anthropic", "claude-opus-4-20250514", "claude-opus-4"],
    ["anthropic", "claude-opus-4-1-20250805", "claude-opus-4-1"],
    ["anthropic", "claude-3-5-haiku-20241022", "claude-3-5-haiku"],
    ["gemini", "gemini-2.5-pro-001", "gemini-2.5-pro"],
  ] as const)("strips the dated snapshot of %s %s", (provider, model, row) => {
    expect(findPrice({ provider, model })?.model).toBe(row);
  });

  it("prices a snapshot that is listed at its own price by that price, not its alias's", () => {
    const launch = price("openai", "gpt-4o-2024-05-13");
    expect(launch.model).toBe("gpt-4o-2024-05-13");
    expect(launch.rates.input).toBe(5);
    expect(price("openai", "gpt-4o").rates.input).toBe(2.5);
  });

  it.each([
    ["openai", "gpt-4o-audio-preview"],
    ["openai", "gpt-4o-realtime-preview-2024-12-17"],
    ["openai", "gpt-5-pro"],
    ["openai", "gpt-5-chat-latest"],
    ["openai", "o3-pro"],
    ["openai", "o3-mini"],
    ["openai", "gpt-4o-2024-13-01"],
    ["openai", "gpt-4o-20240806"],
    ["anthropic", "claude-sonnet-4-5-latest"],
    ["anthropic", "claude-sonnet-4-5-2025-09-29"],
    ["anthropic", "claude-sonnet"],
    ["anthropic", "claude-opus-4-1-2025080"],
    ["gemini", "gemini-2.5-flash-preview-09-2025"],
    ["gemini", "gemini-2.5-flash-lite-preview-06-17"],
    ["gemini", "gemini-2.5"],
    ["gemini", "gemini-2.5-pro-exp"],
  ] as const)("never matches %s %s by loose prefix or an unrecognised suffix", (provider, model) => {
    expect(findPrice({ provider, model })).toBeNull();
  });

  it("does not let gpt-4o-mini or its snapshots fall back to gpt-4o", () => {
    expect(price("openai", "gpt-4o-mini").rates.output).toBe(0.6);
    expect(price("openai", "gpt-4o-mini-2024-07-18").rates.output).toBe(0.6);
  });

  it("answers null for unknown models, empty ids and another provider's models", () => {
    expect(findPrice({ provider: "openai", model: "gpt-99" })).toBeNull();
    expect(findPrice({ provider: "openai", model: "" })).toBeNull();
    expect(findPrice({ provider: "anthropic", model: "gpt-4o" })).toBeNull();
    expect(findPrice({ provider: "gemini", model: "claude-haiku-4-5" })).toBeNull();
    expect(findPrice({ provider: "openai", model: "gemini-2.5-pro" })).toBeNull();
    expect(findPrice({ provider: "toString" as ProviderId, model: "gpt-4o" })).toBeNull();
  });

  it("returns the row with its provider, date and source", () => {
    expect(price("anthropic", "claude-sonnet-4-5-20250929")).toMatchObject({
      provider: "anthropic",
      model: "claude-sonnet-4-5",
      rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      maxOutputTokens: 64_000,
      takenOn: "2026-11-27",
      source: "https://platform.claude.com/docs/en/about-claude/pricing",
    });
  });
});

describe("computeCostMicroUsd", () => {
  it("OpenAI: fresh and cached prompt tokens at their rates, output at the output rate", () => {
    // gpt-4o: 6,000 fresh x $2.50 + 4,000 cached x $1.25 + 1,000 out x $10 = 15,000 + 5,000 + 10,000 µ$
    const cost = computeCostMicroUsd({ price: price("openai", "gpt-4o"), usage: usage({ inputTokens: 10_000, cachedInputTokens: 4_000, outputTokens: 1_000 }) });
    expect(cost).toBe(30_000);
  });

  it("OpenAI: reasoning tokens are inside output, not added again", () => {
    // gpt-5: 2,000 in x $1.25 + 1,000 out x $10 = 2,500 + 10,000 µ$
    const cost = computeCostMicroUsd({ price: price("openai", "gpt-5"), usage: usage({ inputTokens: 2_000, outputTokens: 1_000, reasoningTokens: 800 }) });
    expect(cost).toBe(12_500);
  });

  it("OpenAI: the 272K long-context tier prices the whole request", () => {
    // gpt-5.4 at 272,000 prompt tokens: 272,000 x $2.50 + 1,000 x $15 = 680,000 + 15,000
    const p = price("openai", "gpt-5.4");
    expect(computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 272_000, outputTokens: 1_000 }) })).toBe(695_000);
    // one more token: 272,001 x $5 + 1,000 x $22.50 = 1,360,005 + 22,500
    expect(computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 272_001, outputTokens: 1_000 }) })).toBe(1_382_505);
  });

  it("Anthropic: fresh input, cache reads and 5-minute cache writes each at their own rate", () => {
    // claude-sonnet-4-5: prompt 10,000 = 2,000 fresh + 6,000 read + 2,000 written
    // 2,000 x $3 + 6,000 x $0.30 + 2,000 x $3.75 + 500 x $15 = 6,000 + 1,800 + 7,500 + 7,500 µ$
    const cost = computeCostMicroUsd({
      price: price("anthropic", "claude-sonnet-4-5-20250929"),
      usage: usage({ inputTokens: 10_000, cachedInputTokens: 6_000, cacheWriteTokens: 2_000, outputTokens: 500 }),
    });
    expect(cost).toBe(22_800);
  });

  it("Anthropic: Haiku 4.5 with cache writes only", () => {
    // 1,000 fresh x $1 + 3,000 written x $1.25 + 200 x $5 = 1,000 + 3,750 + 1,000 µ$
    const cost = computeCostMicroUsd({ price: price("anthropic", "claude-haiku-4-5"), usage: usage({ inputTokens: 4_000, cacheWriteTokens: 3_000, outputTokens: 200 }) });
    expect(cost).toBe(5_750);
  });

  it("Anthropic: 1-hour cache writes at 2x input, the rest of the writes at the 5-minute rate", () => {
    // claude-haiku-4-5: 1,000 fresh x $1 + 1,000 written for 5 min x $1.25 + 2,000 written for 1 h x $2 + 200 x $5
    const cost = computeCostMicroUsd({ price: price("anthropic", "claude-haiku-4-5"), usage: usage({ inputTokens: 4_000, cacheWriteTokens: 3_000, cacheWrite1hTokens: 2_000, outputTokens: 200 }) });
    expect(cost).toBe(1_000 + 1_250 + 4_000 + 1_000);
    // A 1-hour figure above the writes is settled as all writes for an hour, never more.
    expect(computeCostMicroUsd({ price: price("anthropic", "claude-haiku-4-5"), usage: usage({ inputTokens: 3_000, cacheWriteTokens: 3_000, cacheWrite1hTokens: 9_000 }) })).toBe(6_000);
    // Every Anthropic row and tier prices the 1-hour write at twice its input.
    for (const row of listPrices().filter((p) => p.provider === "anthropic")) {
      for (const rates of [row.rates, ...row.tiers]) expect(rates.cacheWrite1h, row.model).toBeCloseTo(rates.input * 2, 9);
    }
  });

  it("Anthropic: the long-prompt tier counts cache reads and writes towards the threshold", () => {
    // claude-haiku-5-5: 60,000 fresh + 50,000 read = 110,000 > 100,000, so the $0.50 tier applies:
    // 60,000 x $0.50 + 50,000 x $0.05 + 1,000 x $2.50 = 30,000 + 2,500 + 2,500 µ$
    const cost = computeCostMicroUsd({ price: price("anthropic", "claude-haiku-5-5"), usage: usage({ inputTokens: 110_000, cachedInputTokens: 50_000, outputTokens: 1_000 }) });
    expect(cost).toBe(35_000);
  });

  it("Gemini 2.5 Pro: up to 200K prompt tokens at the base rates, above at the higher tier for the whole request", () => {
    const p = price("gemini", "gemini-2.5-pro");
    // exactly 200,000: 200,000 x $1.25 + 1,000 x $10 = 250,000 + 10,000
    expect(computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 200_000, outputTokens: 1_000 }) })).toBe(260_000);
    // 200,001: 200,001 x $2.50 + 1,000 x $15 = 500,002.5 + 15,000 -> rounded up
    expect(computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 200_001, outputTokens: 1_000 }) })).toBe(515_003);
    // 300,000 with 100,000 cached: 200,000 x $2.50 + 100,000 x $0.25 + 2,000 x $15 (thinking included)
    expect(
      computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 300_000, cachedInputTokens: 100_000, outputTokens: 2_000, reasoningTokens: 1_500 }) }),
    ).toBe(555_000);
  });

  it("Gemini 2.5 Flash: cached input at the caching rate", () => {
    // 7,000 fresh x $0.30 + 3,000 cached x $0.03 + 1,000 x $2.50 = 2,100 + 90 + 2,500 µ$
    const cost = computeCostMicroUsd({ price: price("gemini", "gemini-2.5-flash"), usage: usage({ inputTokens: 10_000, cachedInputTokens: 3_000, outputTokens: 1_000 }) });
    expect(cost).toBe(4_690);
  });

  it("rounds every fraction of a micro-dollar up, and charges nothing for nothing", () => {
    const nano = price("openai", "gpt-5-nano");
    expect(computeCostMicroUsd({ price: nano, usage: usage({}) })).toBe(0);
    expect(computeCostMicroUsd({ price: nano, usage: usage({ inputTokens: 1 }) })).toBe(1); // 0.05 µ$
    expect(computeCostMicroUsd({ price: nano, usage: usage({ inputTokens: 20 }) })).toBe(1); // exactly 1 µ$
    expect(computeCostMicroUsd({ price: nano, usage: usage({ inputTokens: 21 }) })).toBe(2); // 1.05 µ$
    const mini = price("openai", "gpt-4o-mini");
    expect(computeCostMicroUsd({ price: mini, usage: usage({ outputTokens: 7 }) })).toBe(5); // 4.2 µ$
    // 0.1 + 0.2 style sums stay exact: 3 x $0.10 + 1 x $0.40 = 0.7 µ$ -> 1
    expect(computeCostMicroUsd({ price: price("openai", "gpt-4.1-nano"), usage: usage({ inputTokens: 3, outputTokens: 1 }) })).toBe(1);
  });

  it("settles counts that do not add up upwards, never below what was reported", () => {
    const p = price("anthropic", "claude-haiku-4-5");
    // cached + written above the prompt total: no negative fresh remainder, reads and writes still charged
    // 800 x $0.10 + 400 x $1.25 = 80 + 500
    expect(computeCostMicroUsd({ price: p, usage: usage({ inputTokens: 1_000, cachedInputTokens: 800, cacheWriteTokens: 400 }) })).toBe(580);
    // reasoning above output is billed as output: 300 x $5
    expect(computeCostMicroUsd({ price: p, usage: usage({ outputTokens: 100, reasoningTokens: 300 }) })).toBe(1_500);
  });

  it("bills cache-write tokens as input where the provider has no write price", () => {
    // gpt-4o: 1,000 reported as written, 1,000 fresh: 2,000 x $2.50
    const cost = computeCostMicroUsd({ price: price("openai", "gpt-4o"), usage: usage({ inputTokens: 2_000, cacheWriteTokens: 1_000 }) });
    expect(cost).toBe(5_000);
  });

  it.each([
    [{ inputTokens: -1 }],
    [{ outputTokens: 1.5 }],
    [{ cachedInputTokens: Number.NaN }],
    [{ reasoningTokens: Number.POSITIVE_INFINITY }],
    [{ cacheWriteTokens: Number.MAX_SAFE_INTEGER + 1 }],
  ])("rejects a token count that is not a non-negative integer: %j", (bad) => {
    expect(() => computeCostMicroUsd({ price: price("openai", "gpt-4o"), usage: usage(bad) })).toThrow(RangeError);
  });

  it("refuses to round a product it cannot hold exactly", () => {
    const p = price("anthropic", "claude-opus-4-1");
    expect(() => computeCostMicroUsd({ price: p, usage: usage({ outputTokens: Number.MAX_SAFE_INTEGER }) })).toThrow(RangeError);
  });
});

describe("worstCaseCostMicroUsd", () => {
  it("prices every prompt token at the dearest prompt rate and output at the highest tier", () => {
    // gemini-2.5-pro: 1,000 x $2.50 + 100 x $15 = 2,500 + 1,500
    expect(worstCaseCostMicroUsd({ price: price("gemini", "gemini-2.5-pro"), maxInputTokens: 1_000, maxOutputTokens: 100 })).toBe(4_000);
    // claude-sonnet-4-5: a long-context cache write ($7.50) is the dearest prompt rate; output $22.50
    expect(worstCaseCostMicroUsd({ price: price("anthropic", "claude-sonnet-4-5"), maxInputTokens: 1_000, maxOutputTokens: 100 })).toBe(9_750);
    // claude-haiku-4-5: cache write $1.25 > input $1; output $5
    expect(worstCaseCostMicroUsd({ price: price("anthropic", "claude-haiku-4-5"), maxInputTokens: 1_000, maxOutputTokens: 100 })).toBe(1_750);
    // A request that may write to the 1-hour cache holds its prompt at that rate ($2, not $1.25).
    expect(worstCaseCostMicroUsd({ price: price("anthropic", "claude-haiku-4-5"), maxInputTokens: 1_000, maxOutputTokens: 100, longCacheWrites: true })).toBe(2_500);
    // gpt-4.1-nano: 3 x $0.10 + 1 x $0.40 = 0.7 µ$ -> 1
    expect(worstCaseCostMicroUsd({ price: price("openai", "gpt-4.1-nano"), maxInputTokens: 3, maxOutputTokens: 1 })).toBe(1);
    expect(worstCaseCostMicroUsd({ price: price("openai", "gpt-4.1-nano"), maxInputTokens: 0, maxOutputTokens: 0 })).toBe(0);
  });

  it("is never below the settled cost of any usage within its bounds", () => {
    let seed = 42;
    const next = (max: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % (max + 1);
    };
    for (const p of listPrices()) {
      for (let i = 0; i < 40; i += 1) {
        const maxInputTokens = next(400_000);
        const maxOutputTokens = next(64_000);
        const inputTokens = next(maxInputTokens);
        const cachedInputTokens = next(inputTokens);
        const cacheWriteTokens = next(inputTokens - cachedInputTokens);
        const outputTokens = next(maxOutputTokens);
        const reasoningTokens = next(outputTokens);
        const settled = computeCostMicroUsd({ price: p, usage: { inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, reasoningTokens } });
        expect(settled).toBeLessThanOrEqual(worstCaseCostMicroUsd({ price: p, maxInputTokens, maxOutputTokens }));
        const cacheWrite1hTokens = next(cacheWriteTokens);
        const settledLong = computeCostMicroUsd({ price: p, usage: { inputTokens, outputTokens, cachedInputTokens, cacheWriteTokens, cacheWrite1hTokens, reasoningTokens } });
        expect(settledLong).toBeLessThanOrEqual(worstCaseCostMicroUsd({ price: p, maxInputTokens, maxOutputTokens, longCacheWrites: true }));
      }
    }
  });

  it("rejects bounds that are not non-negative integers", () => {
    expect(() => worstCaseCostMicroUsd({ price: price("openai", "gpt-4o"), maxInputTokens: -1, maxOutputTokens: 0 })).toThrow(RangeError);
    expect(() => worstCaseCostMicroUsd({ price: price("openai", "gpt-4o"), maxInputTokens: 0, maxOutputTokens: 0.5 })).toThrow(RangeError);
  });
});

describe("the pricing table", () => {
  const rows = listPrices();

  it("covers the current chat models of each provider named in the issue", () => {
    for (const model of ["gpt-5", "gpt-5-mini", "gpt-5-nano", "gpt-4.1", "gpt-4.1-mini", "gpt-4.1-nano", "gpt-4o", "gpt-4o-mini", "o3", "o4-mini"]) {
      expect(findPrice({ provider: "openai", model }), model).not.toBeNull();
    }
    for (const model of ["claude-opus-4-1", "claude-opus-4-5", "claude-sonnet-4-5", "claude-sonnet-4-6", "claude-haiku-4-5", "claude-3-5-haiku"]) {
      expect(findPrice({ provider: "anthropic", model }), model).not.toBeNull();
    }
    for (const model of ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite"]) {
      expect(findPrice({ provider: "gemini", model }), model).not.toBeNull();
    }
  });

  it("gives every row a real date no later than today and an https source on the provider's own site", () => {
    const hosts: Record<ProviderId, string[]> = {
      openai: ["developers.openai.com"],
      anthropic: ["platform.claude.com"],
      gemini: ["ai.google.dev"],
      mistral: ["mistral.ai"],
      groq: ["console.groq.com", "groq.com"],
      xai: ["docs.x.ai"],
      deepseek: ["api-docs.deepseek.com"],
      openrouter: ["openrouter.ai"],
      together: ["www.together.ai"],
      fireworks: ["fireworks.ai"],
      cerebras: ["www.cerebras.ai"],
      perplexity: ["docs.perplexity.ai"],
    };
    for (const row of rows) {
      expect(row.takenOn, row.model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const taken = new Date(`${row.takenOn}T00:00:00Z`);
      expect(taken.toISOString().slice(0, 10), row.model).toBe(row.takenOn);
      expect(row.takenOn <= "2026-12-02", row.model).toBe(true);
      const url = new URL(row.source);
      expect(url.protocol, row.model).toBe("https:");
      expect(hosts[row.provider], row.model).toContain(url.hostname);
    }
  });

  it("holds only prices the integer maths represents exactly, with sane relations", () => {
    for (const row of rows) {
      for (const rates of [row.rates, ...row.tiers]) {
        for (const value of [rates.input, rates.cachedInput, rates.cacheWrite ?? 0, rates.output]) {
          expect(value, row.model).toBeGreaterThanOrEqual(0);
          expect(Math.abs(Math.round(value * 1000) - value * 1000), row.model).toBeLessThan(1e-9);
        }
        expect(rates.input, row.model).toBeGreaterThan(0);
        expect(rates.output, row.model).toBeGreaterThan(0);
        expect(rates.cachedInput, row.model).toBeLessThanOrEqual(rates.input);
        if (rates.cacheWrite !== null) expect(rates.cacheWrite, row.model).toBeGreaterThanOrEqual(rates.input);
      }
      let previous = { aboveInputTokens: 0, ...row.rates };
      for (const tier of row.tiers) {
        expect(tier.aboveInputTokens, row.model).toBeGreaterThan(previous.aboveInputTokens);
        expect(tier.input, row.model).toBeGreaterThanOrEqual(previous.input);
        expect(tier.output, row.model).toBeGreaterThanOrEqual(previous.output);
        previous = tier;
      }
    }
  });

  it("gives every row a maximum output per request, as a positive integer within reason", () => {
    for (const row of rows) {
      expect(Number.isSafeInteger(row.maxOutputTokens), row.model).toBe(true);
      expect(row.maxOutputTokens, row.model).toBeGreaterThanOrEqual(4_096);
      expect(row.maxOutputTokens, row.model).toBeLessThanOrEqual(400_000);
    }
  });

  it.each([
    ["openai", "gpt-5", 128_000],
    ["openai", "gpt-5-mini-2025-08-07", 128_000],
    ["openai", "gpt-4.1-nano", 32_768],
    ["openai", "gpt-4o-2024-08-06", 16_384],
    ["openai", "gpt-4o-2024-05-13", 4_096],
    ["openai", "o4-mini", 100_000],
    ["anthropic", "claude-opus-4-6", 128_000],
    ["anthropic", "claude-opus-4-5-20251101", 64_000],
    ["anthropic", "claude-opus-4-0", 32_000],
    ["anthropic", "claude-3-5-haiku-latest", 8_192],
    ["gemini", "gemini-3.1-pro-preview", 65_536],
    ["gemini", "gemini-2.5-flash-lite", 65_536],
  ] as const)("lists %s %s with a maximum output of %i tokens", (provider, model, maxOutputTokens) => {
    expect(price(provider, model).maxOutputTokens).toBe(maxOutputTokens);
  });

  it("keeps the higher figure where sources disagree on a maximum output, and says so", () => {
    const gpt55 = price("openai", "gpt-5.5");
    expect(gpt55.maxOutputTokens).toBe(272_000);
    expect(gpt55.note).toContain("128,000");
    expect(price("anthropic", "claude-opus-4-7").note).toContain("Max output");
  });

  it("only Anthropic's models (directly or through OpenRouter) charge for cache writes", () => {
    for (const row of rows) {
      const anthropicModel = row.provider === "anthropic" || (row.provider === "openrouter" && row.model.startsWith("anthropic/"));
      for (const rates of [row.rates, ...row.tiers]) expect(rates.cacheWrite === null, row.model).toBe(!anthropicModel);
    }
  });

  it("lists each id once per provider, and finds every listed id", () => {
    for (const provider of Object.keys(PRICING) as ProviderId[]) {
      const ids = PRICING[provider].flatMap((entry) => [entry.model, ...(entry.aliases ?? [])]);
      expect(new Set(ids).size, provider).toBe(ids.length);
      for (const id of ids) expect(findPrice({ provider, model: id }), id).not.toBeNull();
    }
  });

  it("selects tier rates by the whole prompt", () => {
    const p = price("gemini", "gemini-3.1-pro-preview");
    expect(ratesForPrompt({ price: p, inputTokens: 200_000 }).input).toBe(2);
    expect(ratesForPrompt({ price: p, inputTokens: 200_001 }).input).toBe(4);
  });

  it("is rendered into README.md as is, with request fee, max output and confirmation on every row", () => {
    const table = renderPricingTable();
    expect(readme).toContain(table);
    expect(table.split("\n")[0]).toContain("| output | per request | max output | taken | confirmed |");
    expect(table).toContain("| OpenAI | `gpt-4o-2024-05-13` | $5.00 | $5.00 | — | — | $15.00 | — | 4,096 | 2026-11-27 | yes |");
    expect(table).toContain("| Gemini | `gemini-2.5-pro`, prompt > 200,000 tokens | $2.50 | $0.25 | — | — | $15.00 | — | 65,536 | 2026-11-27 | **no** |");
    expect(table).toContain("| Perplexity | `sonar` | $1.00 | $1.00 | — | — | $1.00 | $0.005 | 8,192 | 2026-12-02 | **no** |");
  });
});

describe("a per-request fee (Perplexity's search fee)", () => {
  it("is charged once on top of the tokens, and held by the worst case", () => {
    const sonar = price("perplexity", "sonar");
    expect(sonar.requestFeeUsd).toBe(0.005);
    // 1,000 in and 1,000 out at $1 / $1 per million = 2,000 micro-USD, plus 5,000 for the request.
    expect(computeCostMicroUsd({ price: sonar, usage: usage({ inputTokens: 1_000, outputTokens: 1_000 }) })).toBe(7_000);
    expect(computeCostMicroUsd({ price: sonar, usage: usage({}) })).toBe(5_000);
    expect(worstCaseCostMicroUsd({ price: sonar, maxInputTokens: 1_000, maxOutputTokens: 1_000 })).toBe(7_000);
  });

  it("is zero for models without one", () => {
    expect(price("groq", "llama-3.1-8b-instant").requestFeeUsd).toBe(0);
    expect(computeCostMicroUsd({ price: price("groq", "llama-3.1-8b-instant"), usage: usage({ inputTokens: 1_000_000, outputTokens: 1_000_000 }) })).toBe(130_000);
  });

  it("refuses a fee that is not a whole number of micro-dollars", () => {
    expect(() => computeCostMicroUsd({ price: { ...price("perplexity", "sonar"), requestFeeUsd: 0.0000001 }, usage: usage({}) })).toThrow(RangeError);
  });
});
