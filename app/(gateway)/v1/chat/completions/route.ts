import { handleChatCompletion } from "@/lib/gateway/chat-completion";
import { gatewayDeps } from "@/lib/gateway/deps-in-next";

/** The OpenAI-compatible endpoint: Authorization: Bearer 1r_…, any provider behind it. */
export function POST(request: Request): Promise<Response> {
  return handleChatCompletion({ request, deps: gatewayDeps() });
}
