import type { PriceEntry } from "../price-types";

// OpenAI's rows of the pricing table (lib/limits/pricing.ts explains how they were taken).

const TAKEN_ON = "2026-11-27";
const OPENAI_PRICING = "https://developers.openai.com/api/docs/pricing";
const SECONDARY_ONLY = "The official page's copy was not retrieved; figures agree across third-party tables that cite it.";

export const OPENAI_PRICES: readonly PriceEntry[] = [
  { model: "gpt-5.5", rates: { input: 5, cachedInput: 0.5, cacheWrite: null, output: 30 }, tiers: [{ aboveInputTokens: 272_000, input: 10, cachedInput: 1, cacheWrite: null, output: 45 }], maxOutputTokens: 272_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: `${SECONDARY_ONLY} Max output: most tables say 128,000, one gateway's 272,000; the higher is kept until the model page confirms.` },
  { model: "gpt-5.4", rates: { input: 2.5, cachedInput: 0.25, cacheWrite: null, output: 15 }, tiers: [{ aboveInputTokens: 272_000, input: 5, cachedInput: 0.5, cacheWrite: null, output: 22.5 }], maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: SECONDARY_ONLY },
  { model: "gpt-5.4-mini", rates: { input: 0.75, cachedInput: 0.075, cacheWrite: null, output: 4.5 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: SECONDARY_ONLY },
  { model: "gpt-5.4-nano", rates: { input: 0.2, cachedInput: 0.02, cacheWrite: null, output: 1.25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: SECONDARY_ONLY },
  { model: "gpt-5.2", rates: { input: 1.75, cachedInput: 0.175, cacheWrite: null, output: 14 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: SECONDARY_ONLY },
  // The Codex models Codex CLI offers (issue 15). gpt-5-codex itself is shut down.
  { model: "gpt-5.3-codex", rates: { input: 1.75, cachedInput: 0.175, cacheWrite: null, output: 14 }, maxOutputTokens: 128_000, takenOn: "2026-12-02", confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-5.3-codex", note: "From GitHub's Copilot price table (github/docs, models-and-pricing.yml) and a second third-party table; the model page's copy was not retrieved. Max output as gpt-5-codex's page states (128,000)." },
  { model: "gpt-5.2-codex", rates: { input: 1.75, cachedInput: 0.175, cacheWrite: null, output: 14 }, maxOutputTokens: 128_000, takenOn: "2026-12-02", confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-5.2-codex", note: "From GitHub's Copilot price table (github/docs, models-and-pricing.yml) and a second third-party table; the model page's copy was not retrieved. Max output as gpt-5-codex's page states (128,000)." },
  { model: "gpt-5.1", rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: OPENAI_PRICING, note: SECONDARY_ONLY },
  { model: "gpt-5", rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-5", note: "Input confirmed in the official docs' comparison table; cached input and output from third-party tables." },
  { model: "gpt-5-mini", rates: { input: 0.25, cachedInput: 0.025, cacheWrite: null, output: 2 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: "https://developers.openai.com/api/docs/models/gpt-5-mini" },
  { model: "gpt-5-nano", rates: { input: 0.05, cachedInput: 0.005, cacheWrite: null, output: 0.4 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, confirmed: true, source: "https://developers.openai.com/api/docs/models/gpt-5-nano" },
  { model: "gpt-4.1", rates: { input: 2, cachedInput: 0.5, cacheWrite: null, output: 8 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-4.1", note: SECONDARY_ONLY },
  { model: "gpt-4.1-mini", rates: { input: 0.4, cachedInput: 0.1, cacheWrite: null, output: 1.6 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-4.1-mini", note: SECONDARY_ONLY },
  { model: "gpt-4.1-nano", rates: { input: 0.1, cachedInput: 0.025, cacheWrite: null, output: 0.4 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-4.1-nano", note: SECONDARY_ONLY },
  { model: "gpt-4o", rates: { input: 2.5, cachedInput: 1.25, cacheWrite: null, output: 10 }, maxOutputTokens: 16_384, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-4o", note: SECONDARY_ONLY },
  {
    model: "gpt-4o-2024-05-13",
    rates: { input: 5, cachedInput: 5, cacheWrite: null, output: 15 },
    maxOutputTokens: 4_096,
    takenOn: TAKEN_ON, confirmed: true,
    source: "https://developers.openai.com/api/docs/models/gpt-4o",
    note: "The first gpt-4o snapshot keeps its launch price; no cached-input price is listed, so cached tokens are billed as input.",
  },
  { model: "gpt-4o-mini", rates: { input: 0.15, cachedInput: 0.075, cacheWrite: null, output: 0.6 }, maxOutputTokens: 16_384, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/gpt-4o-mini", note: SECONDARY_ONLY },
  { model: "o3", rates: { input: 2, cachedInput: 0.5, cacheWrite: null, output: 8 }, maxOutputTokens: 100_000, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/o3", note: SECONDARY_ONLY },
  { model: "o4-mini", rates: { input: 1.1, cachedInput: 0.275, cacheWrite: null, output: 4.4 }, maxOutputTokens: 100_000, takenOn: TAKEN_ON, confirmed: false, source: "https://developers.openai.com/api/docs/models/o4-mini", note: SECONDARY_ONLY },
];
