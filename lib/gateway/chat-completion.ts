// POST /v1/chat/completions through the gateway pipeline (pipeline.ts) with the chat endpoint.
import { chatCompletionsEndpoint } from "./chat/chat-endpoint";
import type { GatewayDeps } from "./deps";
import { runGatewayPipeline } from "./pipeline";

export function handleChatCompletion({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: chatCompletionsEndpoint });
}
