// The headers every gateway answer carries: its request id, no caching, the rate-limit figures
// once admitted, the output limit when it was fitted to the budget, its cost (a stream: what was
// reserved for it) and the budget left, and the phases so far (Server-Timing).
import type { GatewayContext } from "./context";
import { costHeaders, fittedHeader, rateHeaders, reservedHeaders } from "./limit-headers";
import type { SettledCost, Settlement } from "./settlement";

export function answerHeaders({ ctx, settlement, cost, reserved }: { ctx: GatewayContext; settlement: Settlement | null; cost: SettledCost | null; reserved?: { reservedMicroUsd: number; budgetRemainingMicroUsd: number | null } }): Record<string, string> {
  return {
    "x-1relay-request-id": ctx.requestId,
    "cache-control": "no-store",
    ...rateHeaders(settlement?.admitted?.rate ?? null),
    ...fittedHeader(settlement?.admitted?.fitted ?? null),
    ...(cost ? costHeaders(cost) : {}),
    ...(reserved ? reservedHeaders(reserved) : {}),
    "server-timing": ctx.timer.header(),
  };
}
