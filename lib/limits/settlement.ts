// What a request is charged when it ends (docs/decisions/008-budgets-and-limits.md).
// Pure: the gateway reports what it knows, this decides the usage to price.
import type { Usage } from "../providers/types";

export type RequestOutcome =
  /**
   * The answer is complete: `usage` is what the provider reported (null when it reported none),
   * `deliveredBytes` as for "interrupted".
   */
  | { kind: "complete"; usage: Usage | null; deliveredBytes: number }
  /** The provider never saw the request (refused by us, or the connection failed before sending). */
  | { kind: "not_sent" }
  /** The provider answered with an error status: providers do not bill those. */
  | { kind: "provider_error" }
  /**
   * Sent, but the final usage is unknown: the client left, the stream was cut, the provider
   * timed out. `partial` is whatever usage the provider had reported so far; `deliveredBytes`
   * the UTF-8 bytes of generated text and tool-call arguments already passed to the client.
   */
  | { kind: "interrupted"; partial: Usage | null; deliveredBytes: number };

export interface Bounds {
  maxInputTokens: number;
  maxOutputTokens: number;
}

const ZERO: Usage = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };

/**
 * A usage a provider reported, if it is one: every request a provider answers had a prompt, so
 * a report without prompt tokens (a missing or empty usage object read as zeros) is no report.
 */
function reportedUsage(usage: Usage | null): Usage | null {
  return usage && usage.inputTokens > 0 ? usage : null;
}

/**
 * The usage to charge, or null for nothing. A complete answer without a usable usage report is
 * charged like an interrupted one, never $0 (issue 13). When the final usage is unknown the charge is never
 * less than what was delivered: the prompt counts at the provider's reported figure or else at
 * its upper bound (the provider received it), and the output at the larger of the provider's
 * partial count and the delivered UTF-8 bytes (a token covers at least one byte), capped at the
 * output bound (the provider stops there, so nothing beyond it can have been delivered).
 */
export function usageToCharge({ outcome, bounds }: { outcome: RequestOutcome; bounds: Bounds }): Usage | null {
  switch (outcome.kind) {
    case "complete": {
      const usage = reportedUsage(outcome.usage);
      return usage ?? usageToCharge({ outcome: { kind: "interrupted", partial: outcome.usage, deliveredBytes: outcome.deliveredBytes }, bounds });
    }
    case "not_sent":
    case "provider_error":
      return null;
    case "interrupted": {
      const partial = outcome.partial ?? ZERO;
      const inputTokens = partial.inputTokens > 0 ? partial.inputTokens : bounds.maxInputTokens;
      const outputTokens = Math.min(bounds.maxOutputTokens, Math.max(partial.outputTokens, outcome.deliveredBytes));
      return {
        inputTokens,
        outputTokens: Math.max(outputTokens, partial.outputTokens),
        cachedInputTokens: Math.min(partial.cachedInputTokens, inputTokens),
        cacheWriteTokens: Math.min(partial.cacheWriteTokens, inputTokens),
        ...(partial.cacheWrite1hTokens ? { cacheWrite1hTokens: Math.min(partial.cacheWrite1hTokens, partial.cacheWriteTokens, inputTokens) } : {}),
        reasoningTokens: Math.min(partial.reasoningTokens, outputTokens),
      };
    }
  }
}

/**
 * The budget left once a request is settled, as the account object will count it: what
 * admission left after holding the worst case, plus that hold, minus the real cost (null: no
 * budget or cap applies). Requests running at the same time are in neither figure until they
 * settle. The gateway answers with this instead of waiting for the object to settle.
 */
export function remainingAfterSettlement({ budgetRemainingMicroUsd, reservedMicroUsd, costMicroUsd }: { budgetRemainingMicroUsd: number | null; reservedMicroUsd: number; costMicroUsd: number }): number | null {
  if (budgetRemainingMicroUsd === null) return null;
  return Math.max(0, budgetRemainingMicroUsd + reservedMicroUsd - costMicroUsd);
}
