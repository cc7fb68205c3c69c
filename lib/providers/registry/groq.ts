import { notEmpty, ONE_COMPLETION, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Groq: OpenAI-compatible at /openai/v1. logprobs, logit_bias, top_logprobs, messages[].name and
// n other than 1 are a 400 there, so they are never sent (refused when they would matter).
// Streams report usage in the last chunk's `x_groq.usage` (its SDK has no stream_options).
// Sources: https://console.groq.com/docs/openai, https://console.groq.com/docs/models, and the
// groq/groq-typescript SDK types (2026-07).

const TAKEN_ON = "2026-12-02";
const MODELS_PAGE = "https://console.groq.com/docs/models";
const FROM_MODELS_PAGE = "The models page's stored copy lists these figures; its rows carry no model ids in the copy, so they were matched by order with the SDK's production list and models.dev.";
const UNCONFIRMED = "Preview model: not on the stored copy of the models page; from models.dev's table (2026-07).";

export const groqProvider: ProviderSpec = {
  id: "groq",
  displayName: "Groq",
  shortName: "Groq",
  key: { pattern: /^gsk_[A-Za-z0-9]{20,120}$/, example: "gsk_…", distinctivePrefix: "gsk_", createUrl: "https://console.groq.com/keys" },
  baseUrl: { setting: "GROQ_BASE_URL", default: "https://api.groq.com/openai/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_completion_tokens", streamUsage: "x_groq", dropMessageNames: true }),
  routing: { families: [/^llama-\d+(\.\d+)?-\d+b-(versatile|instant)$/], nestedModelIds: true, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: true, geminiNative: false, embeddings: false },
  unsupportedFields: {
    ...openAIOnlyFields("Groq"),
    logprobs: { action: "reject", when: "true", applies: (v) => v, reason: "Groq refuses logprobs (any value is a 400 there)." },
    top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: "Groq refuses top_logprobs (any value is a 400 there)." },
    logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: "Groq refuses logit_bias (any value is a 400 there)." },
    ...ONE_COMPLETION("Groq"),
    reasoning_effort: {
      action: "reject",
      when: '"minimal" or "xhigh"',
      applies: (v) => v === "minimal" || v === "xhigh",
      reason: 'Groq takes "none", "low", "medium" and "high" (per model).',
    },
  },
  maxImageTokens: 20_000,
  keyTestModel: "llama-3.1-8b-instant",
  prices: [
    { model: "llama-3.1-8b-instant", rates: { input: 0.05, cachedInput: 0.05, cacheWrite: null, output: 0.08 }, maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: true, note: FROM_MODELS_PAGE },
    { model: "llama-3.3-70b-versatile", rates: { input: 0.59, cachedInput: 0.59, cacheWrite: null, output: 0.79 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: true, note: FROM_MODELS_PAGE },
    {
      model: "openai/gpt-oss-120b",
      rates: { input: 0.15, cachedInput: 0.075, cacheWrite: null, output: 0.6 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: "https://groq.com/pricing",
      confirmed: false,
      note: `${FROM_MODELS_PAGE} The cache-hit price is from a third-party summary of Groq's pricing page.`,
    },
    {
      model: "openai/gpt-oss-20b",
      rates: { input: 0.075, cachedInput: 0.038, cacheWrite: null, output: 0.3 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: "https://groq.com/pricing",
      confirmed: false,
      note: `${FROM_MODELS_PAGE} Cache hits are listed at $0.0375 by models.dev, rounded up to the table's precision.`,
    },
    { model: "meta-llama/llama-4-scout-17b-16e-instruct", rates: { input: 0.11, cachedInput: 0.11, cacheWrite: null, output: 0.34 }, maxOutputTokens: 8_192, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
    { model: "qwen/qwen3-32b", rates: { input: 0.29, cachedInput: 0.29, cacheWrite: null, output: 0.59 }, maxOutputTokens: 40_960, takenOn: TAKEN_ON, source: MODELS_PAGE, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [],
};
