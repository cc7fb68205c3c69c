import { LOGPROB_RULES, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Together AI: OpenAI-compatible at https://api.together.xyz/v1, model ids "<org>/<model>"
// (call them "together/<org>/<model>"). The last chunk of a stream carries usage unasked.
// Together's logprobs is a count, not OpenAI's boolean, so it is not translated.
// Sources: https://docs.together.ai/reference/chat-completions-1, models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://www.together.ai/pricing";
const UNCONFIRMED = "Not confirmed on Together's page (no stored copy); from models.dev's table (2026-07).";
const flat = (input: number, output: number, cached = input) => ({ input, cachedInput: cached, cacheWrite: null, output });

export const togetherProvider: ProviderSpec = {
  id: "together",
  displayName: "Together AI",
  shortName: "Together AI",
  key: { pattern: /^(tgp_v1_[A-Za-z0-9_-]{20,120}|[a-f0-9]{64})$/, example: "tgp_v1_…", distinctivePrefix: "tgp_v1_", createUrl: "https://api.together.ai/settings/api-keys" },
  baseUrl: { setting: "TOGETHER_BASE_URL", default: "https://api.together.xyz/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_tokens", streamUsage: "final_chunk" }),
  routing: { families: [], nestedModelIds: true, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: true },
  unsupportedFields: {
    ...openAIOnlyFields("Together AI"),
    ...LOGPROB_RULES("Together AI (as OpenAI's boolean)"),
    user: { action: "drop", reason: "Together AI has no end-user identifier." },
  },
  maxImageTokens: 50_000,
  keyTestModel: "meta-llama/Llama-3.3-70B-Instruct-Turbo",
  prices: [
    { model: "meta-llama/Llama-3.3-70B-Instruct-Turbo", rates: flat(0.88, 0.88), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    {
      model: "openai/gpt-oss-120b",
      rates: flat(0.15, 0.6),
      maxOutputTokens: 131_072,
      takenOn: TAKEN_ON,
      source: PRICING,
      confirmed: false,
      note: `${UNCONFIRMED} A price-catalogue issue (braintrust-proxy) cites Together's own list at the same figures.`,
    },
    { model: "openai/gpt-oss-20b", rates: flat(0.05, 0.2), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "Qwen/Qwen3-235B-A22B-Instruct-2507-tput", rates: flat(0.2, 0.6), maxOutputTokens: 262_144, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "deepseek-ai/DeepSeek-V4-Pro", rates: flat(1.74, 3.48, 0.2), maxOutputTokens: 384_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "moonshotai/Kimi-K2.6", rates: flat(1.2, 4.5, 0.2), maxOutputTokens: 262_144, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [
    { model: "intfloat/multilingual-e5-large-instruct", input: 0.02, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
};
