import { OPENAI_PRICES } from "./prices/openai";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// OpenAI: the reference wire format. The validated request passes through (re-serialised).

export const openaiProvider: ProviderSpec = {
  id: "openai",
  displayName: "OpenAI",
  shortName: "OpenAI",
  key: {
    pattern: /^sk-(?!ant-|or-)(?:proj-|svcacct-|None-)?[A-Za-z0-9_-]{20,300}$/,
    example: "sk-proj-…",
    distinctivePrefix: "sk-proj-",
    refuse: [{ prefix: "sk-admin-", message: "That is an OpenAI admin key. Use a project or user API key (sk-proj-…)." }],
    createUrl: "https://platform.openai.com/api-keys",
  },
  baseUrl: { setting: "OPENAI_BASE_URL", default: "https://api.openai.com/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "as-sent", streamUsage: "include_usage" }),
  routing: {
    // gpt-oss is open-weight and served by others (groq/…, cerebras/…), not by OpenAI's API.
    families: [/^gpt-(?!oss)/, /^chatgpt-/, /^o\d/],
    nestedModelIds: false,
    snapshotSuffix: /-20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: true, geminiNative: false, embeddings: true },
  unsupportedFields: {},
  maxImageTokens: 50_000,
  keyTestModel: "gpt-4o-mini",
  prices: OPENAI_PRICES,
  embeddingPrices: [
    { model: "text-embedding-3-small", input: 0.02, takenOn: "2026-12-10", source: "https://developers.openai.com/api/docs/pricing", confirmed: false, note: "As OpenAI has listed it since 2024; the page's current copy was not retrieved." },
    { model: "text-embedding-3-large", input: 0.13, takenOn: "2026-12-10", source: "https://developers.openai.com/api/docs/pricing", confirmed: false, note: "As OpenAI has listed it since 2024; the page's current copy was not retrieved." },
    { model: "text-embedding-ada-002", input: 0.1, takenOn: "2026-12-10", source: "https://developers.openai.com/api/docs/pricing", confirmed: false, note: "As OpenAI has listed it since 2024; the page's current copy was not retrieved." },
  ],
};
