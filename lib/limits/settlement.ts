// What a request is charged when it ends (docs/decisions/008-budgets-and-limits.md).
// Pure: the gateway reports what it knows, this decides the usage to price.
import type { Usage } from "../providers/types";

export type RequestOutcome =
  /** The provider's final usage arrived (a complete answer, or an error it reported). */
  | { kind: "complete"; usage: Usage }
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
 * The usage to charge, or null for nothing. When the final usage is unknown the charge is never
 * less than what was delivered: the prompt counts at the provider's reported figure or else at
 * its upper bound (the provider received it), and the output at the larger of the provider's
 * partial count and the delivered UTF-8 bytes (a token covers at least one byte), capped at the
 * output bound (the provider stops there, so nothing beyond it can have been delivered).
 */
export function usageToCharge({ outcome, bounds }: { outcome: RequestOutcome; bounds: Bounds }): Usage | null {
  switch (outcome.kind) {
    case "complete":
      return outcome.usage;
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
