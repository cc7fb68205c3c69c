// The headers every gateway response carries about limits, and the error for a refusal.
import type { BeginResult } from "../account/ledger-types";
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

/** x-1relay-cost-usd and x-1relay-budget-remaining-usd ("unlimited" when no budget applies). */
export function costHeaders({ costMicroUsd, budgetRemainingMicroUsd }: { costMicroUsd: number; budgetRemainingMicroUsd: number | null | undefined }): Record<string, string> {
  const headers: Record<string, string> = { "x-1relay-cost-usd": formatMicroUsd(costMicroUsd) };
  if (budgetRemainingMicroUsd !== undefined) headers["x-1relay-budget-remaining-usd"] = budgetRemainingMicroUsd === null ? "unlimited" : formatMicroUsd(budgetRemainingMicroUsd);
  return headers;
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace("T", " ") + " UTC";

/** The error for a request the account's limits refused, with its headers. */
export function limitRefusal(result: Extract<BeginResult, { ok: false }>): GatewayError {
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
    case "account_cap_reached": {
      const which = result.reason === "budget_exhausted" ? "This connection's monthly budget" : "Your account's monthly spending cap";
      const inFlight = result.reservedMicroUsd ? ` and ${preciseUsd(result.reservedMicroUsd)} held by requests in flight` : "";
      return new GatewayError({
        status,
        type,
        code,
        message: `${which} of ${preciseUsd(result.limitMicroUsd ?? 0)} does not cover this request (${preciseUsd(result.spentMicroUsd ?? 0)} spent${inFlight}). It resets on ${day(result.resetsAt)}.`,
        headers: { ...rate, "x-should-retry": "false" },
      });
    }
  }
}
