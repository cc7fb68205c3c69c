import { LOGPROB_RULES, NO_LOGIT_BIAS, openAIOnlyFields } from "./field-rules";
import { openAIWire, type ProviderSpec } from "./provider-spec";

// Mistral La Plateforme: OpenAI-style Chat Completions with its own field names (random_seed,
// max_tokens) and a strict schema (unknown fields are a 422), so only known fields are sent.
// Streams carry usage on the last chunk unasked. Reasoning models may answer with content as
// an array of chunks (text, thinking), which the adapter flattens to the text.
// Sources: https://docs.mistral.ai/api/ and the mistralai/client-ts SDK types (2026-08).

const TAKEN_ON = "2026-12-02";
const PRICING = "https://mistral.ai/pricing#api-pricing";
const UNCONFIRMED = "Not confirmed on Mistral's page (no stored copy); from models.dev's table (2026-07). Mistral reports no cached tokens, so cached input is billed as input.";

const rates = (input: number, output: number) => ({ input, cachedInput: input, cacheWrite: null, output });

export const mistralProvider: ProviderSpec = {
  id: "mistral",
  displayName: "Mistral",
  shortName: "Mistral",
  key: { pattern: /^[A-Za-z0-9]{32}$/, example: "32 letters and digits", distinctivePrefix: null, createUrl: "https://console.mistral.ai/api-keys" },
  baseUrl: { setting: "MISTRAL_BASE_URL", default: "https://api.mistral.ai/v1" },
  auth: { header: "authorization", scheme: "bearer" },
  wire: openAIWire({
    outputLimitField: "max_tokens",
    streamUsage: "final_chunk",
    renameFields: { seed: "random_seed" },
    dropMessageNames: true,
  }),
  routing: { families: [/^(mistral|magistral|ministral|codestral|devstral|pixtral|voxtral)-/, /^open-mi[sx]tral-/], nestedModelIds: false, snapshotSuffix: null },
  endpoints: { chatCompletions: true, models: true, messages: false, responses: false, geminiNative: false, embeddings: true },
  unsupportedFields: {
    // Mistral takes prompt_cache_key itself.
    ...openAIOnlyFields("Mistral", { except: ["prompt_cache_key"] }),
    ...LOGPROB_RULES("Mistral"),
    ...NO_LOGIT_BIAS("Mistral"),
    user: { action: "drop", reason: "Mistral has no end-user identifier." },
  },
  maxImageTokens: 20_000,
  keyTestModel: "ministral-8b-latest",
  prices: [
    { model: "mistral-large-latest", aliases: ["mistral-large-2512"], rates: rates(0.5, 1.5), maxOutputTokens: 262_144, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    {
      model: "mistral-medium-latest",
      aliases: ["mistral-medium-2604"],
      rates: rates(1.5, 7.5),
      maxOutputTokens: 262_144,
      takenOn: TAKEN_ON,
      source: PRICING,
      confirmed: false,
      note: `${UNCONFIRMED} "latest" is Mistral Medium 3.5 since 2026-04; the higher of the two candidates ($0.40 / $2.00 for 3.1) is kept.`,
    },
    { model: "mistral-medium-2508", rates: rates(0.4, 2), maxOutputTokens: 262_144, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "mistral-small-latest", aliases: ["mistral-small-2603"], rates: rates(0.15, 0.6), maxOutputTokens: 256_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "magistral-medium-latest", rates: rates(2, 5), maxOutputTokens: 131_072, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "codestral-latest", rates: rates(0.3, 0.9), maxOutputTokens: 256_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "ministral-8b-latest", rates: rates(0.1, 0.1), maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "pixtral-large-latest", rates: rates(2, 6), maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
  embeddingPrices: [
    { model: "mistral-embed", input: 0.1, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
    { model: "codestral-embed", input: 0.15, takenOn: TAKEN_ON, source: PRICING, confirmed: false, note: UNCONFIRMED },
  ],
};
