// Stage "admit": the account object's decision, which arrived with the connection's material
// (one round trip). A refusal was recorded by the object itself; an admission becomes the
// settlement's hold. The object decides only what the verified policy would: the same scope
// (lib/gateway/scope.ts) and the limits of the policy whose tag the gateway just verified.
import { GatewayError, connectionPaused } from "../gateway-error";
import { limitRefusal } from "../limit-headers";
import type { Admitted, Settlement } from "../settlement";
import type { Authenticated } from "./authenticate";

/** A paused connection is refused before its body is looked at. */
export function refusePaused({ auth, settlement }: { auth: Authenticated; settlement: Settlement }): void {
  if (auth.connection.status !== "paused") return;
  if (auth.admission && !auth.admission.ok) settlement.markRecorded(); // the object refused it and wrote its record
  throw connectionPaused();
}

export function admit({ auth, settlement }: { auth: Authenticated; settlement: Settlement }): Admitted {
  const { admission } = auth;
  if (!admission) throw new GatewayError({ status: 500, type: "server_error", code: null, message: "The account object did not decide on an in-scope request." });
  if (!admission.ok) {
    settlement.markRecorded();
    throw limitRefusal(admission);
  }
  settlement.hold(admission);
  return admission;
}
