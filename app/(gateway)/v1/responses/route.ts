import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleResponses } from "@/lib/gateway/responses/responses-endpoint";

/** OpenAI's Responses API (Codex CLI): Authorization: Bearer 1r_…, sent upstream with store=false. */
export function POST(request: Request): Promise<Response> {
  return handleResponses({ request, deps: gatewayDeps() });
}
