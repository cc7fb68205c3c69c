// The headers every gateway answer carries: its request id, no caching, the rate-limit figures
// once admitted, its cost and the budget left, and the phases so far (Server-Timing).
import type { GatewayContext } from "./context";
import { costHeaders, rateHeaders } from "./limit-headers";
import type { SettledCost, Settlement } from "./settlement";

export function answerHeaders({ ctx, settlement, cost }: { ctx: GatewayContext; settlement: Settlement | null; cost: SettledCost | null }): Record<string, string> {
  return {
    "x-1relay-request-id": ctx.requestId,
    "cache-control": "no-store",
    ...rateHeaders(settlement?.admitted?.rate ?? null),
    ...(cost ? costHeaders(cost) : {}),
    "server-timing": ctx.timer.header(),
  };
}
