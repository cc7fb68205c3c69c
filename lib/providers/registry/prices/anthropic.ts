import type { PriceEntry } from "../price-types";

// Anthropic's rows of the pricing table (lib/limits/pricing.ts explains how they were taken).
// cacheWrite1h is the 1-hour cache write, 2x the input price on every model (the pricing page's
// "1h cache writes" column); cacheWrite the 5-minute one (1.25x).

const TAKEN_ON = "2026-11-27";
const ANTHROPIC_PRICING = "https://platform.claude.com/docs/en/about-claude/pricing";

export const ANTHROPIC_PRICES: readonly PriceEntry[] = [
  { model: "claude-fable-5-1", rates: { input: 10, cachedInput: 0.25, cacheWrite: 12.5, cacheWrite1h: 20, output: 50 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: ANTHROPIC_PRICING, note: "The page footnotes the cache-hit price; the footnote's text was not in the copy." },
  { model: "claude-fable-5", rates: { input: 10, cachedInput: 1, cacheWrite: 12.5, cacheWrite1h: 20, output: 50 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
  {
    model: "claude-opus-5-5",
    rates: { input: 4, cachedInput: 0.2, cacheWrite: 5, cacheWrite1h: 8, output: 20 },
    maxOutputTokens: 128_000,
    takenOn: TAKEN_ON, confirmed: false,
    source: "https://platform.claude.com/docs/en/models/opus-5-5/overview",
    note: "Input and output confirmed on the model page; cache write and cache hit from third-party transcriptions of the pricing page.",
  },
  { model: "claude-opus-5", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
  { model: "claude-opus-4-8", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
  { model: "claude-opus-4-7", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING, note: "Max output not on a retrieved official page: 128,000 as for Opus 4.6 and 4.8 (the higher candidate; the 4.5 family has 64,000)." },
  { model: "claude-opus-4-6", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING, note: "Standard rates across the whole 1M window since the window went GA (2026-03-13)." },
  { model: "claude-opus-4-5", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, cacheWrite1h: 10, output: 25 }, maxOutputTokens: 64_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
  { model: "claude-opus-4-1", rates: { input: 15, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30, output: 75 }, maxOutputTokens: 32_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING, note: "Listed as retired on the Claude API." },
  { model: "claude-opus-4", aliases: ["claude-opus-4-0"], rates: { input: 15, cachedInput: 1.5, cacheWrite: 18.75, cacheWrite1h: 30, output: 75 }, maxOutputTokens: 32_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING, note: "Listed as retired on the Claude API." },
  {
    model: "claude-sonnet-5-5",
    rates: { input: 2, cachedInput: 0.2, cacheWrite: 2.5, cacheWrite1h: 4, output: 10 },
    maxOutputTokens: 128_000,
    takenOn: TAKEN_ON, confirmed: true,
    source: "https://platform.claude.com/docs/en/models/sonnet-5-5/overview",
    note: "Cache hit as the model page's copy lists it; third parties report a cut to $0.10 on 2026-10-07 that the official copy does not show (kept the higher figure).",
  },
  { model: "claude-sonnet-5", rates: { input: 2, cachedInput: 0.2, cacheWrite: 2.5, cacheWrite1h: 4, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: "https://platform.claude.com/docs/en/models/sonnet-5/overview" },
  { model: "claude-sonnet-4-6", rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, output: 15 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING, note: "Standard rates across the whole 1M window since the window went GA (2026-03-13)." },
  {
    model: "claude-sonnet-4-5",
    rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, output: 15 },
    tiers: [{ aboveInputTokens: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12, output: 22.5 }],
    maxOutputTokens: 64_000,
    takenOn: TAKEN_ON, confirmed: false,
    source: ANTHROPIC_PRICING,
    note: "Long-context tier (1M beta) from the page's earlier copy; its cache rates are the standard multipliers (1.25x, 0.1x) applied to $6.",
  },
  {
    model: "claude-sonnet-4",
    aliases: ["claude-sonnet-4-0"],
    rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, cacheWrite1h: 6, output: 15 },
    tiers: [{ aboveInputTokens: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, cacheWrite1h: 12, output: 22.5 }],
    maxOutputTokens: 64_000,
    takenOn: TAKEN_ON, confirmed: false,
    source: ANTHROPIC_PRICING,
    note: "Long-context tier (1M beta) from the page's earlier copy; its cache rates are the standard multipliers (1.25x, 0.1x) applied to $6.",
  },
  {
    model: "claude-haiku-5-5",
    rates: { input: 0.1, cachedInput: 0.01, cacheWrite: 0.125, cacheWrite1h: 0.2, output: 0.5 },
    tiers: [{ aboveInputTokens: 100_000, input: 0.5, cachedInput: 0.05, cacheWrite: 0.625, cacheWrite1h: 1, output: 2.5 }],
    maxOutputTokens: 128_000,
    takenOn: TAKEN_ON, confirmed: false,
    source: "https://platform.claude.com/docs/en/models/haiku-5-5/overview",
    note: "The model page shows \"from $0.10 / $0.50\"; the 100K-prompt tier and cache rates from third-party transcriptions of the pricing page.",
  },
  { model: "claude-haiku-4-5", rates: { input: 1, cachedInput: 0.1, cacheWrite: 1.25, cacheWrite1h: 2, output: 5 }, maxOutputTokens: 64_000, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
  { model: "claude-3-5-haiku", aliases: ["claude-3-5-haiku-latest"], rates: { input: 0.8, cachedInput: 0.08, cacheWrite: 1, cacheWrite1h: 1.6, output: 4 }, maxOutputTokens: 8_192, takenOn: TAKEN_ON, confirmed: true, source: ANTHROPIC_PRICING },
];
