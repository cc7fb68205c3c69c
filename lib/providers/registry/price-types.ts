// The shape of a pricing row (lib/limits/pricing.ts does the maths). Prices are the providers'
// standard (pay-as-you-go) text-token rates in USD per million tokens.

/** USD per million tokens. */
export interface TokenRates {
  /** Prompt tokens read fresh (not from a cache). */
  input: number;
  /** Prompt tokens read from the provider's cache (OpenAI "cached input", Anthropic "cache hits", Gemini "context caching"). */
  cachedInput: number;
  /** Prompt tokens written to the cache: Anthropic's 5-minute write. null where the provider has no write charge (such tokens, if ever reported, are billed as input). */
  cacheWrite: number | null;
  /**
   * Prompt tokens written to the 1-hour cache (Anthropic's `ttl: "1h"`, 2x input). Absent where
   * the provider has no such write; a 1-hour write reported anyway is billed at `cacheWrite`.
   */
  cacheWrite1h?: number | null;
  /** Generated tokens, reasoning / thinking included. */
  output: number;
}

/** Higher rates for a whole request whose prompt is long. */
export interface PriceTier extends TokenRates {
  /** Applies when the prompt (all input tokens, cached and cache-written ones included) is above this many tokens. */
  aboveInputTokens: number;
}

export interface PriceEntry {
  /** The provider's model id (an alias, never a dated snapshot unless that snapshot is priced differently). */
  model: string;
  /** Other ids the provider serves at exactly these prices. */
  aliases?: readonly string[];
  rates: TokenRates;
  /** Long-prompt tiers, ascending by threshold. */
  tiers?: readonly PriceTier[];
  /**
   * A fee per request the provider received, on top of the tokens (Perplexity's search fee), in
   * USD. Charged once for every request that is charged at all.
   */
  requestFeeUsd?: number;
  /**
   * The most output tokens (reasoning / thinking included) one request can generate, as the
   * provider documents it for its standard API. Reservations use it when the client sets no
   * limit; where sources disagree the higher figure is kept (it only makes a reservation larger).
   */
  maxOutputTokens: number;
  /** The day the price was read from `source` (YYYY-MM-DD). */
  takenOn: string;
  /** The provider's page the price comes from. */
  source: string;
  /**
   * Whether every figure of the row was read on the provider's own page. "unconfirmed": at least
   * one figure comes from elsewhere (the note says which); the higher candidate was kept.
   */
  confirmed: boolean;
  /** What could not be confirmed there, or how a figure was derived. */
  note?: string;
}

/** An embedding model's price (/v1/embeddings and Gemini's embedContent: lib/gateway/embeddings/embedding-price.ts). */
export interface EmbeddingPriceEntry {
  model: string;
  /** USD per million input tokens. */
  input: number;
  takenOn: string;
  source: string;
  confirmed: boolean;
  note?: string;
}
