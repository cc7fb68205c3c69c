import { PROVIDER_NAMES } from "../providers/provider-names";
import type { ProviderId, Usage } from "../providers/types";

// The dated pricing table and the cost maths every budget and usage record uses (one place).
// Pure: no I/O, no clock. Prices are the providers' standard (pay-as-you-go) text-token rates in
// USD per million tokens; batch, flex and priority tiers, regional uplifts, audio input, tool
// fees and storage charges are not modelled. A model that is not here has no price: findPrice
// answers null and the caller refuses it under a budget, never counts it as free.
//
// How the figures were taken (2026-11-27): from stored copies of the providers' own pages
// (search tool, corpora "docs" and "pages"; no live fetch was possible), cross-checked against
// dated third-party transcriptions where the official page's copy was incomplete. `takenOn` is
// the day a row was read; `note` says where a figure could not be confirmed on the official page.
// Where a figure was uncertain the higher candidate was kept, so costs are never under-counted.
// Each row also carries the model's maximum output per request, which reservations
// (request-bounds.ts) fall back to when a client sets no limit; the same rule applies to it.

/** USD per million tokens. */
export interface TokenRates {
  /** Prompt tokens read fresh (not from a cache). */
  input: number;
  /** Prompt tokens read from the provider's cache (OpenAI "cached input", Anthropic "cache hits", Gemini "context caching"). */
  cachedInput: number;
  /** Prompt tokens written to the cache: Anthropic's 5-minute write. null where the provider has no write charge (such tokens, if ever reported, are billed as input). */
  cacheWrite: number | null;
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
   * The most output tokens (reasoning / thinking included) one request can generate, as the
   * provider documents it for its standard API. Reservations use it when the client sets no
   * limit; where sources disagree the higher figure is kept (it only makes a reservation larger).
   */
  maxOutputTokens: number;
  /** The day the price was read from `source` (YYYY-MM-DD). */
  takenOn: string;
  /** The provider's page the price comes from. */
  source: string;
  /** What could not be confirmed there, or how a figure was derived. */
  note?: string;
}

export interface ModelPrice extends Required<Omit<PriceEntry, "note">> {
  provider: ProviderId;
  note: string | null;
}

const TAKEN_ON = "2026-11-27";
const OPENAI_PRICING = "https://developers.openai.com/api/docs/pricing";
const ANTHROPIC_PRICING = "https://platform.claude.com/docs/en/about-claude/pricing";
const GEMINI_PRICING = "https://ai.google.dev/gemini-api/docs/pricing";

const SECONDARY_ONLY = "The official page's copy was not retrieved; figures agree across third-party tables that cite it.";

export const PRICING: Record<ProviderId, readonly PriceEntry[]> = {
  openai: [
    { model: "gpt-5.5", rates: { input: 5, cachedInput: 0.5, cacheWrite: null, output: 30 }, tiers: [{ aboveInputTokens: 272_000, input: 10, cachedInput: 1, cacheWrite: null, output: 45 }], maxOutputTokens: 272_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: `${SECONDARY_ONLY} Max output: most tables say 128,000, one gateway's 272,000; the higher is kept until the model page confirms.` },
    { model: "gpt-5.4", rates: { input: 2.5, cachedInput: 0.25, cacheWrite: null, output: 15 }, tiers: [{ aboveInputTokens: 272_000, input: 5, cachedInput: 0.5, cacheWrite: null, output: 22.5 }], maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: SECONDARY_ONLY },
    { model: "gpt-5.4-mini", rates: { input: 0.75, cachedInput: 0.075, cacheWrite: null, output: 4.5 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: SECONDARY_ONLY },
    { model: "gpt-5.4-nano", rates: { input: 0.2, cachedInput: 0.02, cacheWrite: null, output: 1.25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: SECONDARY_ONLY },
    { model: "gpt-5.2", rates: { input: 1.75, cachedInput: 0.175, cacheWrite: null, output: 14 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: SECONDARY_ONLY },
    { model: "gpt-5.1", rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: OPENAI_PRICING, note: SECONDARY_ONLY },
    { model: "gpt-5", rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-5", note: "Input confirmed in the official docs' comparison table; cached input and output from third-party tables." },
    { model: "gpt-5-mini", rates: { input: 0.25, cachedInput: 0.025, cacheWrite: null, output: 2 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-5-mini" },
    { model: "gpt-5-nano", rates: { input: 0.05, cachedInput: 0.005, cacheWrite: null, output: 0.4 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-5-nano" },
    { model: "gpt-4.1", rates: { input: 2, cachedInput: 0.5, cacheWrite: null, output: 8 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-4.1", note: SECONDARY_ONLY },
    { model: "gpt-4.1-mini", rates: { input: 0.4, cachedInput: 0.1, cacheWrite: null, output: 1.6 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-4.1-mini", note: SECONDARY_ONLY },
    { model: "gpt-4.1-nano", rates: { input: 0.1, cachedInput: 0.025, cacheWrite: null, output: 0.4 }, maxOutputTokens: 32_768, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-4.1-nano", note: SECONDARY_ONLY },
    { model: "gpt-4o", rates: { input: 2.5, cachedInput: 1.25, cacheWrite: null, output: 10 }, maxOutputTokens: 16_384, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-4o", note: SECONDARY_ONLY },
    {
      model: "gpt-4o-2024-05-13",
      rates: { input: 5, cachedInput: 5, cacheWrite: null, output: 15 },
      maxOutputTokens: 4_096,
      takenOn: TAKEN_ON,
      source: "https://developers.openai.com/api/docs/models/gpt-4o",
      note: "The first gpt-4o snapshot keeps its launch price; no cached-input price is listed, so cached tokens are billed as input.",
    },
    { model: "gpt-4o-mini", rates: { input: 0.15, cachedInput: 0.075, cacheWrite: null, output: 0.6 }, maxOutputTokens: 16_384, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/gpt-4o-mini", note: SECONDARY_ONLY },
    { model: "o3", rates: { input: 2, cachedInput: 0.5, cacheWrite: null, output: 8 }, maxOutputTokens: 100_000, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/o3", note: SECONDARY_ONLY },
    { model: "o4-mini", rates: { input: 1.1, cachedInput: 0.275, cacheWrite: null, output: 4.4 }, maxOutputTokens: 100_000, takenOn: TAKEN_ON, source: "https://developers.openai.com/api/docs/models/o4-mini", note: SECONDARY_ONLY },
  ],
  anthropic: [
    { model: "claude-fable-5-1", rates: { input: 10, cachedInput: 0.25, cacheWrite: 12.5, output: 50 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "The page footnotes the cache-hit price; the footnote's text was not in the copy." },
    { model: "claude-fable-5", rates: { input: 10, cachedInput: 1, cacheWrite: 12.5, output: 50 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
    {
      model: "claude-opus-5-5",
      rates: { input: 4, cachedInput: 0.2, cacheWrite: 5, output: 20 },
      maxOutputTokens: 128_000,
      takenOn: TAKEN_ON,
      source: "https://platform.claude.com/docs/en/models/opus-5-5/overview",
      note: "Input and output confirmed on the model page; cache write and cache hit from third-party transcriptions of the pricing page.",
    },
    { model: "claude-opus-5", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
    { model: "claude-opus-4-8", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
    { model: "claude-opus-4-7", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "Max output not on a retrieved official page: 128,000 as for Opus 4.6 and 4.8 (the higher candidate; the 4.5 family has 64,000)." },
    { model: "claude-opus-4-6", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "Standard rates across the whole 1M window since the window went GA (2026-03-13)." },
    { model: "claude-opus-4-5", rates: { input: 5, cachedInput: 0.5, cacheWrite: 6.25, output: 25 }, maxOutputTokens: 64_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
    { model: "claude-opus-4-1", rates: { input: 15, cachedInput: 1.5, cacheWrite: 18.75, output: 75 }, maxOutputTokens: 32_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "Listed as retired on the Claude API." },
    { model: "claude-opus-4", aliases: ["claude-opus-4-0"], rates: { input: 15, cachedInput: 1.5, cacheWrite: 18.75, output: 75 }, maxOutputTokens: 32_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "Listed as retired on the Claude API." },
    {
      model: "claude-sonnet-5-5",
      rates: { input: 2, cachedInput: 0.2, cacheWrite: 2.5, output: 10 },
      maxOutputTokens: 128_000,
      takenOn: TAKEN_ON,
      source: "https://platform.claude.com/docs/en/models/sonnet-5-5/overview",
      note: "Cache hit as the model page's copy lists it; third parties report a cut to $0.10 on 2026-10-07 that the official copy does not show (kept the higher figure).",
    },
    { model: "claude-sonnet-5", rates: { input: 2, cachedInput: 0.2, cacheWrite: 2.5, output: 10 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: "https://platform.claude.com/docs/en/models/sonnet-5/overview" },
    { model: "claude-sonnet-4-6", rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 }, maxOutputTokens: 128_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING, note: "Standard rates across the whole 1M window since the window went GA (2026-03-13)." },
    {
      model: "claude-sonnet-4-5",
      rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      tiers: [{ aboveInputTokens: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, output: 22.5 }],
      maxOutputTokens: 64_000,
      takenOn: TAKEN_ON,
      source: ANTHROPIC_PRICING,
      note: "Long-context tier (1M beta) from the page's earlier copy; its cache rates are the standard multipliers (1.25x, 0.1x) applied to $6.",
    },
    {
      model: "claude-sonnet-4",
      aliases: ["claude-sonnet-4-0"],
      rates: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 },
      tiers: [{ aboveInputTokens: 200_000, input: 6, cachedInput: 0.6, cacheWrite: 7.5, output: 22.5 }],
      maxOutputTokens: 64_000,
      takenOn: TAKEN_ON,
      source: ANTHROPIC_PRICING,
      note: "Long-context tier (1M beta) from the page's earlier copy; its cache rates are the standard multipliers (1.25x, 0.1x) applied to $6.",
    },
    {
      model: "claude-haiku-5-5",
      rates: { input: 0.1, cachedInput: 0.01, cacheWrite: 0.125, output: 0.5 },
      tiers: [{ aboveInputTokens: 100_000, input: 0.5, cachedInput: 0.05, cacheWrite: 0.625, output: 2.5 }],
      maxOutputTokens: 128_000,
      takenOn: TAKEN_ON,
      source: "https://platform.claude.com/docs/en/models/haiku-5-5/overview",
      note: "The model page shows \"from $0.10 / $0.50\"; the 100K-prompt tier and cache rates from third-party transcriptions of the pricing page.",
    },
    { model: "claude-haiku-4-5", rates: { input: 1, cachedInput: 0.1, cacheWrite: 1.25, output: 5 }, maxOutputTokens: 64_000, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
    { model: "claude-3-5-haiku", aliases: ["claude-3-5-haiku-latest"], rates: { input: 0.8, cachedInput: 0.08, cacheWrite: 1, output: 4 }, maxOutputTokens: 8_192, takenOn: TAKEN_ON, source: ANTHROPIC_PRICING },
  ],
  gemini: [
    {
      model: "gemini-3.5-flash",
      rates: { input: 1.5, cachedInput: 0.15, cacheWrite: null, output: 9 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Input and output from a transcription of the page dated 2026-10-07; cached input from a third-party table.",
    },
    {
      model: "gemini-3.5-flash-lite",
      rates: { input: 0.3, cachedInput: 0.3, cacheWrite: null, output: 2.5 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Input and output from a transcription of the page dated 2026-10-07; its caching price was not found, so cached tokens are billed as input.",
    },
    {
      model: "gemini-3.1-pro-preview",
      rates: { input: 2, cachedInput: 0.2, cacheWrite: null, output: 12 },
      tiers: [{ aboveInputTokens: 200_000, input: 4, cachedInput: 0.4, cacheWrite: null, output: 18 }],
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Input and output from a transcription of the page dated 2026-10-07; cached input from a third-party table.",
    },
    {
      model: "gemini-2.5-pro",
      rates: { input: 1.25, cachedInput: 0.125, cacheWrite: null, output: 10 },
      tiers: [{ aboveInputTokens: 200_000, input: 2.5, cachedInput: 0.25, cacheWrite: null, output: 15 }],
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Input from a transcription of the page dated 2026-10-07; output and cached input (the caching rows were not in any stored copy) as the page listed them earlier.",
    },
    {
      model: "gemini-2.5-flash",
      rates: { input: 0.3, cachedInput: 0.03, cacheWrite: null, output: 2.5 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Text / image / video input (audio input is $1.00; the gateway sends none). Cached input not in any stored copy: as the page listed it earlier.",
    },
    {
      model: "gemini-2.5-flash-lite",
      rates: { input: 0.1, cachedInput: 0.01, cacheWrite: null, output: 0.4 },
      maxOutputTokens: 65_536,
      takenOn: TAKEN_ON,
      source: GEMINI_PRICING,
      note: "Text / image / video input (audio input is $0.30; the gateway sends none). Cached input not in any stored copy: as the page listed it earlier.",
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Lookup

/**
 * Dated snapshot suffixes each provider appends to a model id, stripped once when the exact id
 * is unknown: OpenAI `-YYYY-MM-DD`, Anthropic `-YYYYMMDD`, Gemini stable versions `-NNN`. Nothing
 * else is stripped (previews such as `-preview-09-2025` are other models), and ids never match
 * by prefix: `gpt-4o-mini` is not `gpt-4o`.
 */
const SNAPSHOT_SUFFIX: Record<ProviderId, RegExp> = {
  openai: /-20\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  anthropic: /-20\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$/,
  gemini: /-\d{3}$/,
};

function toModelPrice(provider: ProviderId, entry: PriceEntry): ModelPrice {
  return {
    provider,
    model: entry.model,
    aliases: entry.aliases ?? [],
    rates: entry.rates,
    tiers: entry.tiers ?? [],
    maxOutputTokens: entry.maxOutputTokens,
    takenOn: entry.takenOn,
    source: entry.source,
    note: entry.note ?? null,
  };
}

function findExact(provider: ProviderId, model: string): PriceEntry | undefined {
  return PRICING[provider].find((entry) => entry.model === model || (entry.aliases ?? []).includes(model));
}

/** The price of an upstream model id, or null when it is not in the table (the caller refuses it under a budget). */
export function findPrice({ provider, model }: { provider: ProviderId; model: string }): ModelPrice | null {
  if (!Object.hasOwn(PRICING, provider) || typeof model !== "string" || model === "") return null;
  const exact = findExact(provider, model);
  if (exact) return toModelPrice(provider, exact);
  const base = model.replace(SNAPSHOT_SUFFIX[provider], "");
  if (base === model || base === "") return null;
  const snapshot = findExact(provider, base);
  return snapshot ? toModelPrice(provider, snapshot) : null;
}

/** Every row of the table, in table order. */
export function listPrices(): ModelPrice[] {
  return (Object.keys(PRICING) as ProviderId[]).flatMap((provider) => PRICING[provider].map((entry) => toModelPrice(provider, entry)));
}

// ---------------------------------------------------------------------------------------------
// Cost maths, in integer millionths of a dollar
//
// tokens x (USD per million tokens) = micro-USD. Rates are held as integer thousandths of that
// (every listed price has at most three decimals), so sums are exact and only the final division
// rounds, always up.

const RATE_SCALE = 1000;

function scaledRate(usdPerMillion: number): number {
  const scaled = Math.round(usdPerMillion * RATE_SCALE);
  if (!(usdPerMillion >= 0) || !Number.isSafeInteger(scaled) || Math.abs(scaled - usdPerMillion * RATE_SCALE) > 1e-6) {
    throw new RangeError(`price ${usdPerMillion} is not a whole number of thousandths of a dollar per million tokens`);
  }
  return scaled;
}

function tokenCount(name: string, value: number): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
}

function ceilDiv(numerator: number, divisor: number): number {
  if (!Number.isSafeInteger(numerator)) throw new RangeError("cost is too large to compute exactly");
  const remainder = numerator % divisor;
  return (numerator - remainder) / divisor + (remainder > 0 ? 1 : 0);
}

/** The rates a request with this many prompt tokens is billed at (the highest tier it exceeds). */
export function ratesForPrompt({ price, inputTokens }: { price: ModelPrice; inputTokens: number }): TokenRates {
  let rates: TokenRates = price.rates;
  for (const tier of price.tiers) if (inputTokens > tier.aboveInputTokens) rates = tier;
  return rates;
}

/**
 * The cost of one request from the provider's usage, rounded up to a whole micro-dollar.
 * `inputTokens` is the whole prompt (cached and cache-written tokens included) and decides the
 * tier for the whole request; `reasoningTokens` are already inside `outputTokens`. Counts that
 * do not add up are settled upwards: a negative fresh remainder counts as zero, and reasoning
 * above output is billed as output.
 */
export function computeCostMicroUsd({ price, usage }: { price: ModelPrice; usage: Usage }): number {
  const input = tokenCount("inputTokens", usage.inputTokens);
  const cached = tokenCount("cachedInputTokens", usage.cachedInputTokens);
  const written = tokenCount("cacheWriteTokens", usage.cacheWriteTokens);
  const output = Math.max(tokenCount("outputTokens", usage.outputTokens), tokenCount("reasoningTokens", usage.reasoningTokens));
  const rates = ratesForPrompt({ price, inputTokens: input });
  const fresh = Math.max(0, input - cached - written);
  const total =
    fresh * scaledRate(rates.input) +
    cached * scaledRate(rates.cachedInput) +
    written * scaledRate(rates.cacheWrite ?? rates.input) +
    output * scaledRate(rates.output);
  return ceilDiv(total, RATE_SCALE);
}

/**
 * The most a request can cost, for reservations: every prompt token at the dearest prompt rate
 * (a 5-minute cache write costs more than fresh input) and every output token at the output rate,
 * both at the highest tier, rounded up to a whole micro-dollar. Always >= computeCostMicroUsd of
 * any usage within these bounds.
 */
export function worstCaseCostMicroUsd({ price, maxInputTokens, maxOutputTokens }: { price: ModelPrice; maxInputTokens: number; maxOutputTokens: number }): number {
  const input = tokenCount("maxInputTokens", maxInputTokens);
  const output = tokenCount("maxOutputTokens", maxOutputTokens);
  let inputRate = 0;
  let outputRate = 0;
  for (const rates of [price.rates, ...price.tiers]) {
    inputRate = Math.max(inputRate, scaledRate(rates.input), scaledRate(rates.cachedInput), scaledRate(rates.cacheWrite ?? 0));
    outputRate = Math.max(outputRate, scaledRate(rates.output));
  }
  return ceilDiv(input * inputRate + output * outputRate, RATE_SCALE);
}

// ---------------------------------------------------------------------------------------------
// The table as Markdown (README.md carries it verbatim; a test keeps them equal)

const usd = (value: number | null): string => (value === null ? "—" : `$${value.toFixed(Math.max(2, (String(value).split(".")[1] ?? "").length))}`);

export function renderPricingTable(): string {
  const rows = listPrices().flatMap((price) => {
    const maxOutput = price.maxOutputTokens.toLocaleString("en-US");
    const line = (label: string, rates: TokenRates, note: string) =>
      `| ${PROVIDER_NAMES[price.provider]} | ${label} | ${usd(rates.input)} | ${usd(rates.cachedInput)} | ${usd(rates.cacheWrite)} | ${usd(rates.output)} | ${maxOutput} | ${price.takenOn} | ${price.source} | ${note.replace(/\|/g, "\\|")} |`;
    const names = [price.model, ...price.aliases].map((id) => `\`${id}\``).join(", ");
    const tierLines = price.tiers.map((tier) => line(`\`${price.model}\`, prompt > ${tier.aboveInputTokens.toLocaleString("en-US")} tokens`, tier, "Whole request at these rates."));
    return [line(names, price.rates, price.note ?? ""), ...tierLines];
  });
  return [
    "| provider | model | input | cached input | cache write (5 min) | output | max output | taken | source | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
