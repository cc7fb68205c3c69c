import { LOGPROB_RULES, NO_LOGIT_BIAS, ONE_COMPLETION, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Perplexity (Sonar): OpenAI-style Chat Completions at https://api.perplexity.ai/chat/completions,
// answers grounded in a web search, with citations and search_results passed through. Usage
// comes with the chunks unasked. Besides tokens, each request pays a search fee that depends on
// the search context size; the gateway never sends web_search_options, so Perplexity's default
// ("low") applies and the row's requestFeeUsd is that fee. No function calling.
// sonar-deep-research is not priced: its searches and citation tokens have no upper bound a
// reservation could hold (refused under a budget). Sources: https://docs.perplexity.ai, models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://docs.perplexity.ai/getting-started/pricing";
const UNCONFIRMED = "Not confirmed on Perplexity's page (no stored copy); tokens from models.dev (2026-07), the low-context request fee as Perplexity published it in 2025.";

export const perplexityProvider: ProviderSpec = {
  id: "perplexity",
  displayName: "Perplexity",
  shortName: "Perplexity",
  key: { pattern: /^pplx-[A-Za-z0-9]{20,120}$/, example: "pplx-…", distinctivePrefix: "pplx-", createUrl: "https://www.perplexity.ai/settings/api" },
  baseUrl: { setting: "PERPLEXITY_BASE_URL", default: "https://api.perplexity.ai" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_tokens", streamUsage: "final_chunk", dropMessageNames: true }),
  routing: { families: [/^sonar(-|$)/], nestedModelIds: false, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: false },
  unsupportedFields: {
    ...openAIOnlyFields("Perplexity"),
    ...LOGPROB_RULES("Perplexity"),
    tools: { action: "reject", when: "not empty", applies: (v) => v.length > 0, reason: "Perplexity's Sonar models do not call functions." },
    tool_choice: { action: "reject", when: 'not "none"', applies: (v) => v !== "none", reason: "Perplexity's Sonar models do not call functions." },
    parallel_tool_calls: { action: "drop", reason: "Perplexity's Sonar models do not call functions." },
    ...ONE_COMPLETION("Perplexity"),
    ...NO_LOGIT_BIAS("Perplexity"),
    seed: { action: "drop", reason: "Perplexity has no seed; sampling is not reproducible, the answer means the same." },
    user: { action: "drop", reason: "Perplexity has no end-user identifier." },
  },
  maxImageTokens: 20_000,
  keyTestModel: "sonar",
  prices: [
    { model: "sonar", rates: { input: 1, cachedInput: 1, cacheWrite: null, output: 1 }, requestFeeUsd: 0.005, maxOutputTokens: 8_192, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "sonar-pro", rates: { input: 3, cachedInput: 3, cacheWrite: null, output: 15 }, requestFeeUsd: 0.006, maxOutputTokens: 8_192, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "sonar-reasoning-pro", rates: { input: 2, cachedInput: 2, cacheWrite: null, output: 8 }, requestFeeUsd: 0.006, maxOutputTokens: 32_768, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [],
};
