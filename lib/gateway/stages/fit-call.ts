// "Fit output to budget" in the pipeline (policy v2, lib/limits/fit-output.ts). Before admission
// the plan offers the object a cost curve for the call's output (only when the endpoint's
// forwarder sends the bounds' output limit in place of the client's); when the object lowered
// the limit to what the budgets afford, the call's bounds follow: the forwarded per-choice limit
// and the output bound the settlement caps a charge at. The reservation already is the cost at
// that limit, so no charge can exceed it and money stays within the cap.
import type { OutputFit } from "../../limits/fit-output";
import { costCurve } from "../../limits/pricing";
import type { CallForwarder } from "../endpoint";
import type { Admitted } from "../settlement";
import type { PlannedCall } from "./plan-call";

/** The call's output as the object may fit it (null: unpriced, or the forwarder does not send the bounds' limit). */
export function outputFitOf<Call>({ call, forwarder }: { call: PlannedCall<Call>; forwarder: CallForwarder<Call> }): OutputFit | null {
  const { bounds, price } = call;
  if (!bounds || !price || forwarder.sendsOutputBound !== true) return null;
  const choices = bounds.choices ?? 1;
  if (bounds.maxOutputTokens % choices !== 0) return null;
  return { curve: costCurve({ price, maxInputTokens: bounds.maxInputTokens, longCacheWrites: bounds.longCacheWrites }), maxOutputTokens: bounds.maxOutputTokens, choices };
}

/** The call as admitted: unchanged, or with its output limit lowered to what the object fitted. */
export function fitCallToAdmission<Call>({ call, admitted }: { call: PlannedCall<Call>; admitted: Admitted }): PlannedCall<Call> {
  const fitted = admitted.fitted;
  if (!fitted || !call.bounds) return call;
  return {
    ...call,
    bounds: { ...call.bounds, maxOutputTokens: fitted.outputTokens, forwardOutputTokens: fitted.perChoice },
    costMicroUsd: admitted.reservedMicroUsd,
  };
}
