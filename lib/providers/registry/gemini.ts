import { notEmpty } from "./field-rules";
import { GEMINI_PRICES } from "./prices/gemini";
import type { ProviderSpec } from "./provider-spec";

// Google Gemini: generateContent / streamGenerateContent (lib/providers/gemini*.ts translate).

export const geminiProvider: ProviderSpec = {
  id: "gemini",
  displayName: "Google Gemini",
  shortName: "Gemini",
  key: { pattern: /^AIza[0-9A-Za-z_-]{35}$/, example: "AIza… (39 characters)", distinctivePrefix: "AIza", createUrl: "https://aistudio.google.com/app/apikey" },
  baseUrl: { setting: "GEMINI_BASE_URL", default: "https://generativelanguage.googleapis.com" },
  auth: { header: "x-goog-api-key", scheme: "plain" },
  wire: { family: "gemini" },
  routing: { families: [/^gemini-/], nestedModelIds: false, snapshotSuffix: /-\d{3}$/ },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: true, embeddings: true },
  unsupportedFields: {
    logprobs: { action: "reject", when: "true", applies: (v) => v, reason: "1Relay does not translate Gemini's log probabilities." },
    top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: "1Relay does not translate Gemini's log probabilities." },
    logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: "Gemini has no token biasing." },
    verbosity: { action: "reject", when: 'not "medium"', applies: (v) => v !== "medium", reason: "Gemini has no verbosity setting." },
    parallel_tool_calls: {
      action: "reject",
      when: "false",
      applies: (v) => !v,
      reason: "Gemini cannot be limited to one tool call per turn (true, the default, is dropped).",
    },
    service_tier: { action: "drop", reason: "OpenAI's processing tiers; Gemini's tier follows the project." },
    user: { action: "drop", reason: "Gemini has no end-user identifier." },
    safety_identifier: { action: "drop", reason: "Gemini has no end-user identifier." },
    prompt_cache_key: { action: "drop", reason: "A cache-routing hint for OpenAI; it never changes the answer." },
    metadata: { action: "drop", reason: "Tags for OpenAI's stored completions." },
    store: { action: "drop", reason: "Asks OpenAI to keep the completion; Gemini keeps nothing to show." },
  },
  maxImageTokens: 10_000,
  keyTestModel: "gemini-2.5-flash-lite",
  prices: GEMINI_PRICES,
  embeddingPrices: [
    { model: "gemini-embedding-001", input: 0.15, takenOn: "2026-12-10", source: "https://ai.google.dev/gemini-api/docs/pricing", confirmed: false, note: "From third-party tables; the page's current copy was not retrieved." },
  ],
};
