import { openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// xAI: OpenAI-compatible at https://api.x.ai/v1. Its usage counts reasoning tokens apart from
// completion_tokens (total = prompt + completion + reasoning), so output adds them back.
// Streams report usage when asked (stream_options.include_usage). Participant names and a
// function's `strict` are not sent. A wrong key is a 400 "Incorrect API key provided" there. Grok 4 models refuse stop, presence and frequency
// penalties; xAI's own 400 is passed on. Sources: https://docs.x.ai/api, LiteLLM's xAI
// transformation (2026), models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const MODELS_PAGE = "https://docs.x.ai/docs/models";
const UNCONFIRMED = "Not confirmed on xAI's page (no stored copy); from models.dev's and OpenRouter's tables (2026-07), which agree.";
const grok = (input: number, cached: number, output: number) => ({
  rates: { input, cachedInput: cached, cacheWrite: null, output },
  tiers: [{ aboveInputTokens: 200_000, input: input * 2, cachedInput: cached * 2, cacheWrite: null, output: output * 2 }],
});

export const xaiProvider: ProviderSpec = {
  id: "xai",
  displayName: "xAI (Grok)",
  shortName: "xAI",
  key: { pattern: /^xai-[A-Za-z0-9]{20,200}$/, example: "xai-…", distinctivePrefix: "xai-", createUrl: "https://console.x.ai" },
  baseUrl: { setting: "XAI_BASE_URL", default: "https://api.x.ai/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({
    outputLimitField: "max_tokens",
    streamUsage: "include_usage",
    dropMessageNames: true,
    dropToolStrict: true,
    reasoningOutsideCompletion: true,
    keyRejection: { status: 400, message: /incorrect api key|invalid api key/i },
  }),
  routing: { families: [/^grok-/], nestedModelIds: false, snapshotSuffix: null },
  endpoints: {
    chatCompletions: true,
    models: true,
    messages: true,
    responses: true,
    geminiNative: false,
    embeddings: false,
    note: "xAI serves Anthropic's /v1/messages and OpenAI's /v1/responses on the same base URL.",
  },
  unsupportedFields: { ...openAIOnlyFields("xAI") },
  maxImageTokens: 20_000,
  keyTestModel: "grok-4.20-0309-non-reasoning",
  prices: [
    { model: "grok-4.3", ...grok(1.25, 0.2, 2.5), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: `${UNCONFIRMED} Prompts above 200K tokens at twice the rates.` },
    { model: "grok-4.20-0309-reasoning", ...grok(1.25, 0.2, 2.5), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    { model: "grok-4.20-0309-non-reasoning", ...grok(1.25, 0.2, 2.5), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    { model: "grok-build-0.1", ...grok(1, 0.2, 2), maxOutputTokens: 256_000, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [],
};
