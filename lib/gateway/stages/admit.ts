// Stage "admit": the account object's decision, which arrived with the connection's material
// (one round trip). A refusal was recorded by the object itself; an admission becomes the
// settlement's hold. The object decides only what the verified policy would: the same scope
// (lib/gateway/scope.ts) and the limits of the policy whose tag the gateway just verified.
import { policyFitsOutput } from "../../connections/wire";
import { connectionPaused, invalidToken } from "../gateway-error";
import { limitRefusal } from "../limit-headers";
import type { Admitted, Settlement } from "../settlement";
import type { Authenticated } from "./authenticate";
import type { PlannedCall } from "./plan-call";

/** A paused connection is refused before its body is looked at. */
export function refusePaused({ auth, settlement }: { auth: Authenticated; settlement: Settlement }): void {
  if (auth.connection.status !== "paused") return;
  if (auth.admission && !auth.admission.ok) settlement.markRecorded(); // the object refused it and wrote its record
  throw connectionPaused();
}

/** The object's decision; a budget refusal says what was reserved and which output limit would fit (in this API's own field name). */
export function admit({ auth, settlement, call, outputLimitParam = "max_tokens" }: { auth: Authenticated; settlement: Settlement; call?: PlannedCall<unknown>; outputLimitParam?: string }): Admitted {
  const { admission } = auth;
  // The scope check is the same on both sides; only time can differ: the policy expired by the
  // object's clock, a moment ahead of this worker's.
  if (!admission) throw invalidToken("This relay token has expired.");
  if (!admission.ok) {
    settlement.markRecorded();
    const bounds = call?.bounds ?? null;
    const policy = auth.connection.policy;
    throw limitRefusal(admission, {
      outputLimitParam,
      requestedPerChoice: bounds ? bounds.maxOutputTokens / (bounds.choices ?? 1) : null,
      clientSetLimit: bounds ? bounds.forwardOutputTokens === null : true,
      fitOutput: policyFitsOutput(policy),
    });
  }
  settlement.hold(admission);
  return admission;
}
