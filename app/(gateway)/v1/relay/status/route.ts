import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleRelayStatus } from "@/lib/gateway/relay-status";

/** This relay token's own status, limits and spend this month (served by the worker entry in production). */
export function GET(request: Request): Promise<Response> {
  return handleRelayStatus({ request, deps: gatewayDeps() });
}
