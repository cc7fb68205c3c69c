import { formatPerMillion } from "../money/money";
import { PROVIDER_NAMES } from "../providers/provider-names";
import { PROVIDER_IDS, PROVIDERS } from "../providers/registry";
import type { PriceEntry, TokenRates } from "../providers/registry/price-types";
import type { ProviderId, Usage } from "../providers/types";

// The dated pricing table and the cost maths every budget and usage record uses (one place).
// Pure: no I/O, no clock. Prices are the providers' standard (pay-as-you-go) text-token rates in
// USD per million tokens; batch, flex and priority tiers, regional uplifts, audio input, tool
// fees and storage charges are not modelled. A model that is not here has no price: findPrice
// answers null and the caller refuses it under a budget, never counts it as free.
//
// The rows live with each provider in its registry row (lib/providers/registry). How the figures
// were taken (2026-11-27 for OpenAI, Anthropic and Gemini; 2026-12-02 for the others): from
// stored copies of the providers' own pages (search tool, corpora "docs" and "pages"; no live
// fetch was possible), cross-checked against dated third-party tables (models.dev, 2026-07)
// where the official page's copy was missing or incomplete. `takenOn` is the day a row was read;
// `confirmed: false` marks a row with any figure not read on the provider's own page, and `note`
// says which. Where a figure was uncertain the higher candidate was kept, so costs are never
// under-counted.
// Each row also carries the model's maximum output per request, which reservations
// (request-bounds.ts) fall back to when a client sets no limit; the same rule applies to it.

export type { PriceEntry, PriceTier, TokenRates } from "../providers/registry/price-types";

export interface ModelPrice extends Required<Omit<PriceEntry, "note" | "requestFeeUsd">> {
  provider: ProviderId;
  /** USD per request on top of the tokens (0 for almost every model). */
  requestFeeUsd: number;
  note: string | null;
}

/** The table: each registry row's prices (lib/providers/registry/*.ts). */
export const PRICING = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].prices])) as Record<ProviderId, readonly PriceEntry[]>;

// ---------------------------------------------------------------------------------------------
// Lookup

function toModelPrice(provider: ProviderId, entry: PriceEntry): ModelPrice {
  return {
    provider,
    model: entry.model,
    aliases: entry.aliases ?? [],
    rates: entry.rates,
    tiers: entry.tiers ?? [],
    requestFeeUsd: entry.requestFeeUsd ?? 0,
    maxOutputTokens: entry.maxOutputTokens,
    takenOn: entry.takenOn,
    source: entry.source,
    confirmed: entry.confirmed,
    note: entry.note ?? null,
  };
}

function findExact(provider: ProviderId, model: string): PriceEntry | undefined {
  return PRICING[provider].find((entry) => entry.model === model || (entry.aliases ?? []).includes(model));
}

/**
 * The price of an upstream model id, or null when it is not in the table (the caller refuses it
 * under a budget). Dated snapshot suffixes a provider appends to a model id (its registry row's
 * routing.snapshotSuffix: OpenAI `-YYYY-MM-DD`, Anthropic `-YYYYMMDD`, Gemini stable versions
 * `-NNN`) are stripped once when the exact id is unknown. Nothing else is stripped (previews
 * such as `-preview-09-2025` are other models), and ids never match by prefix: `gpt-4o-mini` is
 * not `gpt-4o`.
 */
export function findPrice({ provider, model }: { provider: ProviderId; model: string }): ModelPrice | null {
  if (!Object.hasOwn(PRICING, provider) || typeof model !== "string" || model === "") return null;
  const exact = findExact(provider, model);
  if (exact) return toModelPrice(provider, exact);
  const suffix = PROVIDERS[provider].routing.snapshotSuffix;
  const base = suffix ? model.replace(suffix, "") : model;
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
 * tier for the whole request; `reasoningTokens` are already inside `outputTokens`; cache writes
 * are billed at the 5-minute write rate, those of them written for an hour at the 1-hour rate. Counts that
 * do not add up are settled upwards: a negative fresh remainder counts as zero, and reasoning
 * above output is billed as output.
 */
export function computeCostMicroUsd({ price, usage }: { price: ModelPrice; usage: Usage }): number {
  const input = tokenCount("inputTokens", usage.inputTokens);
  const cached = tokenCount("cachedInputTokens", usage.cachedInputTokens);
  const written = tokenCount("cacheWriteTokens", usage.cacheWriteTokens);
  const writtenFor1h = Math.min(written, tokenCount("cacheWrite1hTokens", usage.cacheWrite1hTokens ?? 0));
  const output = Math.max(tokenCount("outputTokens", usage.outputTokens), tokenCount("reasoningTokens", usage.reasoningTokens));
  const rates = ratesForPrompt({ price, inputTokens: input });
  const fresh = Math.max(0, input - cached - written);
  const total =
    fresh * scaledRate(rates.input) +
    cached * scaledRate(rates.cachedInput) +
    (written - writtenFor1h) * scaledRate(rates.cacheWrite ?? rates.input) +
    writtenFor1h * scaledRate(rates.cacheWrite1h ?? rates.cacheWrite ?? rates.input) +
    output * scaledRate(rates.output);
  return ceilDiv(total, RATE_SCALE) + requestFeeMicroUsd(price);
}

/** The per-request fee in whole micro-dollars (rows hold it in USD with at most six decimals). */
function requestFeeMicroUsd(price: ModelPrice): number {
  const micro = Math.round(price.requestFeeUsd * 1_000_000);
  if (!(price.requestFeeUsd >= 0) || !Number.isSafeInteger(micro) || Math.abs(micro - price.requestFeeUsd * 1_000_000) > 1e-6) {
    throw new RangeError(`request fee ${price.requestFeeUsd} is not a whole number of micro-dollars`);
  }
  return micro;
}

/**
 * What a request can cost as a function of its output tokens (integer maths, pricing's scale):
 * every prompt token at the dearest prompt rate of any tier (a 5-minute cache write costs more
 * than fresh input), every output token at the dearest output rate, plus the per-request fee.
 * `longCacheWrites`: the request may write to the 1-hour cache (Anthropic's `cache_control.ttl:
 * "1h"`, 2x input), whose rate then counts too. Plain data, so it crosses to the account object (which fits a request's output to a budget).
 */
export interface CostCurve {
  /** The prompt's worst case, in thousandths of a micro-dollar. */
  inputScaled: number;
  /** The dearest output rate, in thousandths of a micro-dollar per token. */
  outputRateScaled: number;
  feeMicroUsd: number;
}

export function costCurve({ price, maxInputTokens, longCacheWrites = false }: { price: ModelPrice; maxInputTokens: number; longCacheWrites?: boolean }): CostCurve {
  const input = tokenCount("maxInputTokens", maxInputTokens);
  let inputRate = 0;
  let outputRate = 0;
  for (const rates of [price.rates, ...price.tiers]) {
    inputRate = Math.max(inputRate, scaledRate(rates.input), scaledRate(rates.cachedInput), scaledRate(rates.cacheWrite ?? 0));
    if (longCacheWrites) inputRate = Math.max(inputRate, scaledRate(rates.cacheWrite1h ?? rates.cacheWrite ?? 0));
    outputRate = Math.max(outputRate, scaledRate(rates.output));
  }
  return { inputScaled: input * inputRate, outputRateScaled: outputRate, feeMicroUsd: requestFeeMicroUsd(price) };
}

/** The curve's cost with `outputTokens` of output, rounded up to a whole micro-dollar. */
export function costOfOutput({ curve, outputTokens }: { curve: CostCurve; outputTokens: number }): number {
  const output = tokenCount("outputTokens", outputTokens);
  return ceilDiv(curve.inputScaled + output * curve.outputRateScaled, RATE_SCALE) + curve.feeMicroUsd;
}

/**
 * The most a request can cost, for reservations (costCurve at its output bound). Always >=
 * computeCostMicroUsd of any usage within these bounds.
 */
export function worstCaseCostMicroUsd({ price, maxInputTokens, maxOutputTokens, longCacheWrites = false }: { price: ModelPrice; maxInputTokens: number; maxOutputTokens: number; longCacheWrites?: boolean }): number {
  return costOfOutput({ curve: costCurve({ price, maxInputTokens, longCacheWrites }), outputTokens: maxOutputTokens });
}

/** The largest output (a whole number of tokens) whose cost on `curve` stays within `microUsd`; 0 when not even the prompt fits. */
export function outputTokensWithin({ curve, microUsd }: { curve: CostCurve; microUsd: number }): number {
  const spare = (microUsd - curve.feeMicroUsd) * RATE_SCALE - curve.inputScaled;
  if (spare < 0) return 0;
  if (curve.outputRateScaled === 0) return Number.MAX_SAFE_INTEGER;
  // ceil((input + t·rate) / scale) + fee <= microUsd  ⇔  input + t·rate <= (microUsd - fee)·scale
  return Math.floor(spare / curve.outputRateScaled);
}

// ---------------------------------------------------------------------------------------------
// The table as Markdown (README.md carries it verbatim; a test keeps them equal)

const usd = (value: number | null | undefined): string => (value === null || value === undefined ? "—" : formatPerMillion(value));

export function renderPricingTable(): string {
  const rows = listPrices().flatMap((price) => {
    const maxOutput = price.maxOutputTokens.toLocaleString("en-US");
    const fee = price.requestFeeUsd > 0 ? usd(price.requestFeeUsd) : "—";
    const confirmed = price.confirmed ? "yes" : "**no**";
    const line = (label: string, rates: TokenRates, note: string) =>
      `| ${PROVIDER_NAMES[price.provider]} | ${label} | ${usd(rates.input)} | ${usd(rates.cachedInput)} | ${usd(rates.cacheWrite)} | ${usd(rates.cacheWrite1h ?? null)} | ${usd(rates.output)} | ${fee} | ${maxOutput} | ${price.takenOn} | ${confirmed} | ${price.source} | ${note.replace(/\|/g, "\\|")} |`;
    const names = [price.model, ...price.aliases].map((id) => `\`${id}\``).join(", ");
    const tierLines = price.tiers.map((tier) => line(`\`${price.model}\`, prompt > ${tier.aboveInputTokens.toLocaleString("en-US")} tokens`, tier, "Whole request at these rates."));
    return [line(names, price.rates, price.note ?? ""), ...tierLines];
  });
  return [
    "| provider | model | input | cached input | cache write (5 min) | cache write (1 h) | output | per request | max output | taken | confirmed | source | note |",
    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
