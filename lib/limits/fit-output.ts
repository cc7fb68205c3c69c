// "Fit output to budget" (a signed policy option, policy v2): when a request's worst case is more
// than its budgets have left, its output limit is lowered to what they afford, if that is at
// least a useful minimum, instead of refusing it. The same maths tells a refused client which
// output limit would have fitted. Pure; the account object calls it inside its admission, so
// two requests can never both count on the same headroom (decision 008), and the reservation is
// the cost at the lowered limit, so money stays bounded by the budget exactly as before.
import { costOfOutput, outputTokensWithin, type CostCurve } from "./pricing";

/** Below this many output tokens per choice a request is refused rather than fitted: an answer that short is rarely of use. */
export const FIT_MIN_OUTPUT_TOKENS = 256;

/** What the gateway tells the object about a priced request's output, so the object can fit it. */
export interface OutputFit {
  curve: CostCurve;
  /** The output bound the worst case used, over all choices (a multiple of `choices`). */
  maxOutputTokens: number;
  /** Choices generated (n): the output limit is per choice, so a fitted total is a multiple of this. */
  choices: number;
}

function checkFit(fit: OutputFit): void {
  const whole = (v: number) => Number.isSafeInteger(v) && v >= 0;
  if (!whole(fit.curve.inputScaled) || !whole(fit.curve.outputRateScaled) || !whole(fit.curve.feeMicroUsd)) throw new RangeError("the cost curve must hold non-negative safe integers");
  if (!Number.isSafeInteger(fit.choices) || fit.choices < 1) throw new RangeError("choices must be a positive integer");
  if (!whole(fit.maxOutputTokens) || fit.maxOutputTokens % fit.choices !== 0) throw new RangeError("maxOutputTokens must be a whole number of tokens per choice");
}

/** The largest output limit per choice (at most the request's own) whose worst case fits in `headroomMicroUsd`; 0 when none does. */
export function affordableOutputPerChoice({ fit, headroomMicroUsd }: { fit: OutputFit; headroomMicroUsd: number }): number {
  checkFit(fit);
  if (headroomMicroUsd < 0) return 0;
  const total = Math.min(fit.maxOutputTokens, outputTokensWithin({ curve: fit.curve, microUsd: headroomMicroUsd }));
  return Math.floor(total / fit.choices);
}

export type FitDecision = { fitted: false } | { fitted: true; outputTokens: number; perChoice: number; costMicroUsd: number };

/**
 * Whether a request that does not fit `headroomMicroUsd` at its own bound can run at a lower one:
 * the largest per-choice limit that fits, if it is at least FIT_MIN_OUTPUT_TOKENS, and its cost
 * (never above the headroom).
 */
export function fitOutputToBudget({ fit, headroomMicroUsd, minPerChoice = FIT_MIN_OUTPUT_TOKENS }: { fit: OutputFit; headroomMicroUsd: number; minPerChoice?: number }): FitDecision {
  const perChoice = affordableOutputPerChoice({ fit, headroomMicroUsd });
  if (perChoice < minPerChoice || perChoice * fit.choices >= fit.maxOutputTokens) return { fitted: false };
  const outputTokens = perChoice * fit.choices;
  const costMicroUsd = costOfOutput({ curve: fit.curve, outputTokens });
  if (costMicroUsd > headroomMicroUsd) return { fitted: false }; // cannot happen (outputTokensWithin), kept as the invariant
  return { fitted: true, outputTokens, perChoice, costMicroUsd };
}
