import { ONE_COMPLETION, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// OpenRouter: one key for many models, OpenAI-compatible at https://openrouter.ai/api/v1.
// Model ids are "<vendor>/<model>", so call them "openrouter/<vendor>/<model>". Usage is always
// sent at the end of a stream (stream_options has no effect there); processing comments
// (": OPENROUTER PROCESSING") are ignored; a mid-stream error arrives as a chunk with `error`.
// OpenRouter bills the price of the provider it routes a request to: only models their maker
// serves (one price) are priced here; open-weight models served at several prices are left out
// (refused under a budget). Sources: https://openrouter.ai/docs/api-reference, models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const MODELS_PAGE = "https://openrouter.ai/models";
const UNCONFIRMED = "Not confirmed on OpenRouter's page (no stored copy); from models.dev's table (2026-07), equal to the maker's own price.";

export const openrouterProvider: ProviderSpec = {
  id: "openrouter",
  displayName: "OpenRouter",
  shortName: "OpenRouter",
  key: { pattern: /^sk-or-v1-[A-Za-z0-9]{32,128}$/, example: "sk-or-v1-…", distinctivePrefix: "sk-or-", createUrl: "https://openrouter.ai/settings/keys" },
  baseUrl: { setting: "OPENROUTER_BASE_URL", default: "https://openrouter.ai/api/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_tokens", streamUsage: "final_chunk" }),
  routing: { families: [], nestedModelIds: true, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: true },
  unsupportedFields: {
    ...openAIOnlyFields("OpenRouter", { except: ["verbosity"] }),
    ...ONE_COMPLETION("OpenRouter"),
  },
  maxImageTokens: 50_000,
  keyTestModel: "openai/gpt-4o-mini",
  prices: [
    { model: "openai/gpt-4o-mini", rates: { input: 0.15, cachedInput: 0.075, cacheWrite: null, output: 0.6 }, maxOutputTokens: 16_384, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    { model: "openai/gpt-5-mini", rates: { input: 0.25, cachedInput: 0.025, cacheWrite: null, output: 2 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    {
      model: "anthropic/claude-sonnet-4.5",
      rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      tiers: [{ aboveInputTokens: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, output: 22.5 }],
      maxOutputTokens: 64_000,
      takenOn: TAKEN_ON,
      source: MODELS_PAGE,
      confirmed: false,
      note: UNCONFIRMED,
    },
    { model: "anthropic/claude-haiku-4.5", rates: { input: 1, cachedInput: 0.1, cacheWrite: 1.25, output: 5 }, maxOutputTokens: 64_000, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    { model: "google/gemini-2.5-flash", rates: { input: 0.3, cachedInput: 0.03, cacheWrite: null, output: 2.5 }, maxOutputTokens: 65_536, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    {
      model: "x-ai/grok-4.3",
      rates: { input: 1.25, cachedInput: 0.2, cacheWrite: null, output: 2.5 },
      tiers: [{ aboveInputTokens: 200_000, input: 2.5, cachedInput: 0.4, cacheWrite: null, output: 5 }],
      maxOutputTokens: 131_072,
      takenOn: TAKEN_ON,
      source: MODELS_PAGE,
      confirmed: false,
      note: UNCONFIRMED,
    },
  ],
  embeddingPrices: [
    { model: "openai/text-embedding-3-small", input: 0.02, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: "As OpenAI prices it; not confirmed on OpenRouter's page." },
  ],
};
