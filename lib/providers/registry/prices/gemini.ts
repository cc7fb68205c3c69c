import type { PriceEntry } from "../price-types";

// Gemini's rows of the pricing table (lib/limits/pricing.ts explains how they were taken).

const TAKEN_ON = "2026-11-27";
const GEMINI_PRICING = "https://ai.google.dev/gemini-api/docs/pricing";

export const GEMINI_PRICES: readonly PriceEntry[] = [
  {
    model: "gemini-3.5-flash",
    rates: { input: 1.5, cachedInput: 0.15, cacheWrite: null, output: 9 },
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Input and output from a transcription of the page dated 2026-10-07; cached input from a third-party table.",
  },
  {
    model: "gemini-3.5-flash-lite",
    rates: { input: 0.3, cachedInput: 0.3, cacheWrite: null, output: 2.5 },
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Input and output from a transcription of the page dated 2026-10-07; its caching price was not found, so cached tokens are billed as input.",
  },
  {
    model: "gemini-3.1-pro-preview",
    rates: { input: 2, cachedInput: 0.2, cacheWrite: null, output: 12 },
    tiers: [{ aboveInputTokens: 200_000, input: 4, cachedInput: 0.4, cacheWrite: null, output: 18 }],
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Input and output from a transcription of the page dated 2026-10-07; cached input from a third-party table.",
  },
  {
    model: "gemini-2.5-pro",
    rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 },
    tiers: [{ aboveInputTokens: 200_000, input: 2.5, cachedInput: 0.25, cacheWrite: null, output: 15 }],
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Input from a transcription of the page dated 2026-10-07; output and cached input (the caching rows were not in any stored copy) as the page listed them earlier.",
  },
  {
    model: "gemini-2.5-flash",
    rates: { input: 0.3, cachedInput: 0.03, cacheWrite: null, output: 2.5 },
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Text / image / video input (audio input is $1.00; the gateway sends none). Cached input not in any stored copy: as the page listed it earlier.",
  },
  {
    model: "gemini-2.5-flash-lite",
    rates: { input: 0.1, cachedInput: 0.01, cacheWrite: null, output: 0.4 },
    maxOutputTokens: 65_536,
    takenOn: TAKEN_ON, confirmed: false,
    source: GEMINI_PRICING,
    note: "Text / image / video input (audio input is $0.30; the gateway sends none). Cached input not in any stored copy: as the page listed it earlier.",
  },
];
