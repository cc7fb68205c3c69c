import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleCountTokens } from "@/lib/gateway/messages/handle-messages";

/** Anthropic's token counting, forwarded and never billed. */
export function POST(request: Request): Promise<Response> {
  return handleCountTokens({ request, deps: gatewayDeps() });
}
