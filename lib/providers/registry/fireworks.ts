import { openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Fireworks AI: OpenAI-compatible at https://api.fireworks.ai/inference/v1, model ids
// "accounts/<account>/models/<model>" (claimed as they are, or "fireworks/accounts/…"). The last
// chunk of a stream carries usage unasked. Sources: https://docs.fireworks.ai/api-reference,
// models.dev (2026-07).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://fireworks.ai/pricing";
const UNCONFIRMED = "Not confirmed on Fireworks' page (no stored copy); from models.dev's table (2026-07).";
const row = (model: string, input: number, cached: number, output: number, maxOutputTokens: number) => ({
  model: `accounts/fireworks/models/${model}`,
  rates: { input, cachedInput: cached, cacheWrite: null, output },
  maxOutputTokens,
  takenOn: TAKEN_ON,
  source: PRICING,
  confirmed: false,
  note: UNCONFIRMED,
});

export const fireworksProvider: ProviderSpec = {
  id: "fireworks",
  displayName: "Fireworks AI",
  shortName: "Fireworks AI",
  key: { pattern: /^(fw_[A-Za-z0-9]{16,120}|[A-Za-z0-9]{48})$/, example: "fw_…", distinctivePrefix: "fw_", createUrl: "https://app.fireworks.ai/settings/users/api-keys" },
  baseUrl: { setting: "FIREWORKS_BASE_URL", default: "https://api.fireworks.ai/inference/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({ outputLimitField: "max_tokens", streamUsage: "final_chunk" }),
  routing: { families: [/^accounts\/[A-Za-z0-9_-]+\/(models|routers|deployedModels)\/[A-Za-z0-9._-]+$/], nestedModelIds: true, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: true },
  unsupportedFields: { ...openAIOnlyFields("Fireworks AI") },
  maxImageTokens: 50_000,
  keyTestModel: "accounts/fireworks/models/deepseek-v4-flash",
  prices: [
    row("gpt-oss-120b", 0.15, 0.015, 0.6, 131_072),
    row("gpt-oss-20b", 0.07, 0.035, 0.3, 131_072),
    row("deepseek-v4-flash", 0.14, 0.028, 0.28, 384_000),
    row("kimi-k2p6", 0.95, 0.16, 4, 262_000),
    row("glm-5p1", 1.4, 0.26, 4.4, 131_072),
    row("qwen3p7-plus", 0.4, 0.08, 1.6, 65_536),
  ],
  embeddingPrices: [
    { model: "nomic-ai/nomic-embed-text-v1.5", input: 0.008, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: "Fireworks prices embedding models up to 150M parameters at this rate; not confirmed on its page." },
  ],
};
