// Money, in one place. Amounts are held as integer micro-dollars (millionths of a US dollar)
// everywhere sums are made (budgets, reservations, costs); USD numbers appear only where people
// type them (a policy's budgetUsd, the account cap) and in price tables (USD per million tokens).
// Pure: formatting is done with integer arithmetic, so no float rounding shows in a figure.

const MICRO = 1_000_000;

function checkMicro(micro: number): void {
  if (!Number.isSafeInteger(micro) || micro < 0) throw new RangeError("an amount must be a non-negative whole number of micro-dollars");
}

/** USD (as typed in a policy or a cap) → integer micro-dollars, rounded down so a budget is never widened. */
export function usdToMicroUsd(usd: number): number {
  if (!Number.isFinite(usd) || usd < 0) throw new RangeError("usd must be a non-negative finite number");
  return Math.floor(Math.round(usd * 1e7) / 10);
}

function grouped(whole: number): string {
  return String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** `$` + whole dollars with thousands separators + exactly `decimals` (≤ 6) decimals, rounded up when cut. */
function dollars(micro: number, decimals: number): string {
  checkMicro(micro);
  const step = 10 ** (6 - decimals);
  const rounded = Math.ceil(micro / step) * step;
  const whole = Math.floor(rounded / MICRO);
  const frac = String(rounded % MICRO).padStart(6, "0").slice(0, decimals);
  return `$${grouped(whole)}${decimals > 0 ? `.${frac}` : ""}`;
}

/** A plain decimal for machines (headers, CSV, SSE comments): "0.000123", "12.500000". */
export function formatMicroUsd(micro: number): string {
  checkMicro(micro);
  return `${Math.floor(micro / MICRO)}.${String(micro % MICRO).padStart(6, "0")}`;
}

/** Exactly six decimals, for logs and tables people check against the records: "$0.000123". */
export function exactUsd(micro: number): string {
  return dollars(micro, 6);
}

/**
 * For people, to the cent: "$12.50", "$1,000,000.00". A non-zero amount under a cent shows its
 * six decimals ("$0.000042") rather than "$0.00"; anything else is rounded up to the cent, so
 * a spend is never shown as less than it is.
 */
export function formatUsd(micro: number): string {
  checkMicro(micro);
  return micro > 0 && micro < 10_000 ? dollars(micro, 6) : dollars(micro, 2);
}

/**
 * As precise as the amount, for messages: cents when it is whole cents ("$0.05"), else up to six
 * decimals without trailing zeros ("$0.0312", "$0.000042").
 */
export function preciseUsd(micro: number): string {
  checkMicro(micro);
  if (micro % 10_000 === 0) return dollars(micro, 2);
  return dollars(micro, 6).replace(/0+$/, "");
}

/** A USD amount as typed (a budget, a cap): "$10.00", "$0.005". */
export function formatUsdAmount(usd: number): string {
  return preciseUsd(usdToMicroUsd(usd));
}

/** A price in USD per million tokens, with at least two decimals and all that it has: "$0.15", "$0.075", "$15.00". */
export function formatPerMillion(usdPerMillion: number): string {
  if (!Number.isFinite(usdPerMillion) || usdPerMillion < 0) throw new RangeError("a price must be a non-negative finite number");
  const decimals = Math.max(2, (String(usdPerMillion).split(".")[1] ?? "").length);
  return `$${usdPerMillion.toFixed(decimals)}`;
}

/** A chart's dollar value (a float in USD) written exactly: "$0.001234". */
export function exactUsdOf(usd: number): string {
  return exactUsd(Math.max(0, Math.round(usd * MICRO)));
}

/** A chart axis tick in USD: two significant digits under a dollar ("$0.0012"), whole dollars above ("$12"). */
export function axisUsd(usd: number): string {
  return `$${usd < 1 ? usd.toPrecision(2) : usd.toFixed(0)}`;
}

/**
 * Dollars as a person types them ("10", "$2.50", "1,000", ".5"): the amount, null for an empty
 * field, or "invalid". Stricter than Number(), which takes "0x10", "1e3" and "Infinity".
 */
export function parseUsdInput(text: string): number | null | "invalid" {
  const cleaned = text.trim().replace(/^\$\s*/, "").replace(/,(?=\d{3}(\D|$))/g, "");
  if (cleaned === "") return null;
  return /^\d+(\.\d+)?$|^\.\d+$/.test(cleaned) ? Number(cleaned) : "invalid";
}
