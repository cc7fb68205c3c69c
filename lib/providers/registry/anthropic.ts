import { notEmpty } from "./field-rules";
import { ANTHROPIC_PRICES } from "./prices/anthropic";
import type { ProviderSpec } from "./provider-spec";

// Anthropic: the Messages API (lib/providers/anthropic*.ts translate), key in x-api-key.

export const anthropicProvider: ProviderSpec = {
  id: "anthropic",
  displayName: "Anthropic",
  shortName: "Anthropic",
  key: {
    pattern: /^sk-ant-api\d{2}-[A-Za-z0-9_-]{20,300}$/,
    example: "sk-ant-api03-…",
    distinctivePrefix: "sk-ant-api",
    refuse: [{ prefix: "sk-ant-admin", message: "That is an Anthropic admin key. Use an API key (sk-ant-api03-…)." }],
    createUrl: "https://platform.claude.com/settings/keys",
  },
  baseUrl: { setting: "ANTHROPIC_BASE_URL", default: "https://api.anthropic.com" },
  auth: { header: "x-api-key", scheme: "plain" },
  wire: { family: "anthropic" },
  routing: { families: [/^claude-/], nestedModelIds: false, snapshotSuffix: /-20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/ },
  endpoints: { chatCompletions: true, models: true, messages: true, responses: false, geminiNative: false, embeddings: false },
  unsupportedFields: {
    n: { action: "reject", when: "n > 1", applies: (n) => n > 1, reason: "Anthropic returns one completion per request." },
    logprobs: { action: "reject", when: "true", applies: (v) => v, reason: "Anthropic does not return token log probabilities." },
    top_logprobs: { action: "reject", when: "> 0", applies: (v) => v > 0, reason: "Anthropic does not return token log probabilities." },
    logit_bias: { action: "reject", when: "not empty", applies: notEmpty, reason: "Anthropic has no token biasing." },
    frequency_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Anthropic has no frequency penalty." },
    presence_penalty: { action: "reject", when: "not 0", applies: (v) => v !== 0, reason: "Anthropic has no presence penalty." },
    temperature: {
      action: "reject",
      when: "above 1",
      applies: (v) => v > 1,
      reason: "Anthropic's temperature goes from 0 to 1; rescaling it would change what it means.",
    },
    reasoning_effort: {
      action: "reject",
      when: 'not "none"',
      applies: (v) => v !== "none",
      reason: 'Claude\'s extended thinking takes a token budget and changes the reply format; 1Relay does not translate it yet ("none", Claude\'s default, is dropped).',
    },
    verbosity: { action: "reject", when: 'not "medium"', applies: (v) => v !== "medium", reason: "Anthropic has no verbosity setting." },
    response_format: {
      action: "reject",
      when: '{"type":"json_object"}',
      applies: (v) => v.type === "json_object",
      reason: "Anthropic has no schema-free JSON mode; use json_schema (sent as output_config.format).",
    },
    seed: { action: "drop", reason: "Anthropic has no seed; sampling is not reproducible, the answer means the same." },
    service_tier: { action: "drop", reason: "OpenAI's processing tiers; Anthropic's tier follows the account." },
    prompt_cache_key: { action: "drop", reason: "A cache-routing hint for OpenAI; it never changes the answer." },
    metadata: { action: "drop", reason: "Tags for OpenAI's stored completions." },
    store: { action: "drop", reason: "Asks OpenAI to keep the completion; Anthropic keeps nothing to show." },
  },
  maxImageTokens: 10_000,
  keyTestModel: "claude-haiku-4-5",
  prices: ANTHROPIC_PRICES,
  embeddingPrices: [],
};
