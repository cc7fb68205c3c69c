// The headers every gateway response carries about limits, and the error for a refusal.
import type { BeginResult } from "../account/ledger-types";
import { FIT_MIN_OUTPUT_TOKENS } from "../limits/fit-output";
import { formatMicroUsd, preciseUsd } from "../money/money";
import { REFUSALS } from "../limits/refusals";
import { formatResetDuration, type SlidingWindowDecision } from "../limits/sliding-window";
import { GatewayError } from "./gateway-error";

/** OpenAI-style request-limit headers (x-ratelimit-*), present when the connection has an rpm. */
export function rateHeaders(rate: SlidingWindowDecision | null): Record<string, string> {
  if (!rate) return {};
  return {
    "x-ratelimit-limit-requests": String(rate.limit),
    "x-ratelimit-remaining-requests": String(rate.remaining),
    "x-ratelimit-reset-requests": formatResetDuration(rate.resetMs),
  };
}

function remainingHeader(budgetRemainingMicroUsd: number | null | undefined): Record<string, string> {
  if (budgetRemainingMicroUsd === undefined) return {};
  return { "x-1relay-budget-remaining-usd": budgetRemainingMicroUsd === null ? "unlimited" : formatMicroUsd(budgetRemainingMicroUsd) };
}

/** A complete answer: x-1relay-cost-usd (what it cost) and x-1relay-budget-remaining-usd ("unlimited" when no budget applies). */
export function costHeaders({ costMicroUsd, budgetRemainingMicroUsd }: { costMicroUsd: number; budgetRemainingMicroUsd: number | null | undefined }): Record<string, string> {
  return { "x-1relay-cost-usd": formatMicroUsd(costMicroUsd), ...remainingHeader(budgetRemainingMicroUsd) };
}

/**
 * A stream's headers leave before its cost is known: x-1relay-reserved-usd is what was held for it
 * (its upper bound), and the budget left after that hold. The exact cost is the stream's closing
 * `: x-1relay-cost-usd=…` comment and the usage record.
 */
export function reservedHeaders({ reservedMicroUsd, budgetRemainingMicroUsd }: { reservedMicroUsd: number; budgetRemainingMicroUsd: number | null }): Record<string, string> {
  return { "x-1relay-reserved-usd": formatMicroUsd(reservedMicroUsd), ...remainingHeader(budgetRemainingMicroUsd) };
}

/** "Fit output to budget" lowered this request's output limit: x-1relay-output-limit-fitted is the limit sent, per choice. */
export function fittedHeader(fitted: { perChoice: number } | null | undefined): Record<string, string> {
  return fitted ? { "x-1relay-output-limit-fitted": String(fitted.perChoice) } : {};
}

/** What the gateway knows about the refused request, so a budget refusal can say what would fit. */
export interface RefusalContext {
  /** The API's output limit field ("max_tokens"). */
  outputLimitParam: string;
  /** The output limit per choice the worst case counted (null: not an output-bounded call). */
  requestedPerChoice: number | null;
  /** false: the client set none, and the model's maximum was counted. */
  clientSetLimit: boolean;
  /** The policy has "fit output to budget" on. */
  fitOutput: boolean;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The error for a request the account's limits refused, with its headers. */
export function limitRefusal(result: Extract<BeginResult, { ok: false }>, context: RefusalContext | null = null): GatewayError {
  const { status, type, code } = REFUSALS[result.reason];
  const rate = rateHeaders(result.rate);
  switch (result.reason) {
    case "revoked":
      return new GatewayError({ status, type, code, message: "This relay token has been revoked." });
    case "paused":
      return new GatewayError({ status, type, code, message: "This connection is paused by its owner." });
    case "price_unknown":
      return new GatewayError({ status, type, code, param: "model", message: "This model has no price in 1Relay's pricing table, so it cannot be used under a budget (it is never counted as free). Use a listed model, or remove the budget." });
    case "rate_limited": {
      const seconds = Math.max(1, Math.ceil((result.rate?.retryAfterMs ?? 1000) / 1000));
      return new GatewayError({
        status,
        type,
        code,
        message: `Rate limit reached: this connection allows ${result.rate?.limit} requests per minute. Try again in ${seconds} s.`,
        headers: { ...rate, "retry-after": String(seconds) },
      });
    }
    case "budget_exhausted":
    case "account_cap_reached":
      return new GatewayError({ status, type, code, message: describeBudgetRefusal(result, context), headers: { ...rate, "x-should-retry": "false" } });
  }
}

const count = (n: number) => n.toLocaleString("en-US");

/**
 * "This connection's monthly budget of $0.05 does not cover this request: it could cost up to
 * $0.031 (no max_tokens was sent, so the model's maximum output, 16,384 tokens, was counted), and
 * $0.021 is left ($0.029 spent). Send max_tokens ≤ 1,850, or raise the budget. It resets on …"
 */
export function describeBudgetRefusal(result: Extract<BeginResult, { ok: false }>, context: RefusalContext | null): string {
  const account = result.reason === "account_cap_reached";
  const which = account ? "Your account's monthly spending cap" : "This connection's monthly budget";
  const limit = result.limitMicroUsd ?? 0;
  const spent = result.spentMicroUsd ?? 0;
  const held = result.reservedMicroUsd ?? 0;
  const left = Math.max(0, limit - spent - held);
  const param = context?.outputLimitParam ?? "max_tokens";
  const requested = context?.requestedPerChoice ?? null;
  const bound = requested === null ? "" : context?.clientSetLimit ? ` with ${param} ${count(requested)}` : ` (no ${param} was sent, so the model's maximum output, ${count(requested)} tokens, was counted)`;
  const cost = result.requestMicroUsd === undefined ? "" : `: it could cost up to ${preciseUsd(result.requestMicroUsd)}${bound}`;
  const inFlight = held > 0 ? `, ${preciseUsd(held)} held by requests in flight` : "";
  const raise = account ? "raise the cap" : "raise the budget";
  const fits = result.fitsPerChoice;
  let advice: string;
  if (fits !== undefined && fits > 0) {
    const fitNote = context?.fitOutput && fits < FIT_MIN_OUTPUT_TOKENS ? ` ("Fit output to budget" lowers it only to ${count(FIT_MIN_OUTPUT_TOKENS)} tokens or more.)` : "";
    advice = `Send ${param} ≤ ${count(fits)}, or ${raise}.${fitNote}`;
  } else if (fits === 0) advice = `Not even a short answer fits what is left: ${raise}, or wait for it to reset.`;
  else advice = `${raise[0]!.toUpperCase()}${raise.slice(1)}, or wait for it to reset.`;
  return `${which} of ${preciseUsd(limit)} does not cover this request${cost}, and ${preciseUsd(left)} is left (${preciseUsd(spent)} spent${inFlight}). ${advice} It resets on ${day(result.resetsAt)}.`;
}
