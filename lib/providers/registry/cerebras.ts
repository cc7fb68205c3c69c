import { NO_LOGIT_BIAS, ONE_COMPLETION, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Cerebras: OpenAI-compatible at https://api.cerebras.ai/v1. The last chunk of a stream carries
// usage (with time_info) unasked. No penalties, no logit_bias, one completion per request.
// Sources: https://inference-docs.cerebras.ai/api-reference/chat-completions, models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://www.cerebras.ai/pricing";
const UNCONFIRMED = "Not confirmed on Cerebras' page (no stored copy); from models.dev's table (2026-07). No cache discount is known: cached input is billed as input.";

export const cerebrasProvider: ProviderSpec = {
  id: "cerebras",
  displayName: "Cerebras",
  shortName: "Cerebras",
  key: { pattern: /^csk-[A-Za-z0-9]{20,120}$/, example: "csk-…", distinctivePrefix: "csk-", createUrl: "https://cloud.cerebras.ai" },
  baseUrl: { setting: "CEREBRAS_BASE_URL", default: "https://api.cerebras.ai/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_completion_tokens", streamUsage: "final_chunk" }),
  // gpt-oss is served by several providers: call it cerebras/gpt-oss-120b.
  routing: { families: [/^zai-glm-/, /^llama3\.1-/], nestedModelIds: false, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: false },
  unsupportedFields: {
    ...openAIOnlyFields("Cerebras"),
    ...ONE_COMPLETION("Cerebras"),
    frequency_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Cerebras has no frequency penalty." },
    presence_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Cerebras has no presence penalty." },
    ...NO_LOGIT_BIAS("Cerebras"),
  },
  maxImageTokens: 20_000,
  keyTestModel: "gpt-oss-120b",
  prices: [
    { model: "gpt-oss-120b", rates: { input: 0.35, cachedInput: 0.35, cacheWrite: null, output: 0.75 }, maxOutputTokens: 40_960, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "zai-glm-4.7", rates: { input: 2.25, cachedInput: 2.25, cacheWrite: null, output: 2.75 }, maxOutputTokens: 40_960, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [],
};
