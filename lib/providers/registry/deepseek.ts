import { NO_LOGIT_BIAS, ONE_COMPLETION, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// DeepSeek: OpenAI-compatible at https://api.deepseek.com (also /v1). Streams report usage when
// asked (stream_options.include_usage); cache hits come as prompt_cache_hit_tokens. One
// completion per request. Keys look like OpenAI's old ones (sk- + 32 hex), so a paste is not
// told apart by its shape. Sources: https://api-docs.deepseek.com, models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://api-docs.deepseek.com/quick_start/pricing";
const TWO_CANDIDATES =
  "Not confirmed on DeepSeek's page (its stored copy is from early 2025). Third-party tables give $0.28 / $0.028 / $0.42 (V3.2, 2025-12) and $0.14 / $0.0028 / $0.28 (V4, 2026-07); the higher is kept.";

export const deepseekProvider: ProviderSpec = {
  id: "deepseek",
  displayName: "DeepSeek",
  shortName: "DeepSeek",
  key: { pattern: /^sk-[A-Za-z0-9]{24,64}$/, example: "sk-… (32 characters after sk-)", distinctivePrefix: null, createUrl: "https://platform.deepseek.com/api_keys" },
  baseUrl: { setting: "DEEPSEEK_BASE_URL", default: "https://api.deepseek.com" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_tokens", streamUsage: "include_usage" }),
  routing: { families: [/^deepseek-(chat|reasoner)$/, /^deepseek-v\d/], nestedModelIds: false, snapshotSuffix: null },
  endpoints: {
    chatCompletions: true,
    models: true,
    messages: true,
    responses: false,
    geminiNative: false,
    embeddings: false,
    note: "DeepSeek's Anthropic-compatible Messages API is at <base>/anthropic.",
  },
  unsupportedFields: {
    ...openAIOnlyFields("DeepSeek"),
    ...ONE_COMPLETION("DeepSeek"),
    ...NO_LOGIT_BIAS("DeepSeek"),
    reasoning_effort: {
      action: "reject",
      when: 'not "none"',
      applies: (v) => v !== "none",
      reason: "DeepSeek chooses reasoning by model (deepseek-reasoner); 1Relay does not translate reasoning_effort.",
    },
    user: { action: "drop", reason: "DeepSeek has no end-user identifier." },
  },
  maxImageTokens: 20_000,
  keyTestModel: "deepseek-chat",
  prices: [
    { model: "deepseek-chat", rates: { input: 0.28, cachedInput: 0.028, cacheWrite: null, output: 0.42 }, maxOutputTokens: 384_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: TWO_CANDIDATES },
    { model: "deepseek-reasoner", rates: { input: 0.28, cachedInput: 0.028, cacheWrite: null, output: 0.42 }, maxOutputTokens: 384_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: TWO_CANDIDATES },
    {
      model: "deepseek-v4-flash",
      rates: { input: 0.14, cachedInput: 0.003, cacheWrite: null, output: 0.28 },
      maxOutputTokens: 384_000,
      takenOn: TAKEN_ON,
      source: PRICING,
      confirmed: false,
      note: "Not confirmed on DeepSeek's page; from models.dev (2026-07). Cache hits ($0.0028) rounded up to the table's precision.",
    },
    {
      model: "deepseek-v4-pro",
      rates: { input: 1.74, cachedInput: 0.145, cacheWrite: null, output: 3.48 },
      maxOutputTokens: 384_000,
      takenOn: TAKEN_ON,
      source: PRICING,
      confirmed: false,
      note: "Not confirmed on DeepSeek's page. models.dev lists $0.435 / $0.87 (a launch discount, as reported); the full price other hosts charge ($1.74 / $3.48) is kept.",
    },
  ],
  embeddingPrices: [],
};
