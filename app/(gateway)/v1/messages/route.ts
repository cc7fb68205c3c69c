import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleMessages } from "@/lib/gateway/messages/handle-messages";

/** Anthropic's Messages API (Claude Code, the Anthropic SDKs): x-api-key or Authorization: Bearer 1r_…. */
export function POST(request: Request): Promise<Response> {
  return handleMessages({ request, deps: gatewayDeps() });
}
