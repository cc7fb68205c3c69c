import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleGeminiModels } from "@/lib/gateway/gemini/gemini-models";
import { isGeminiStyleRequest } from "@/lib/gateway/gemini/gemini-path";
import { handleListModels } from "@/lib/gateway/models-endpoint";

/** The models this relay token may use, in OpenAI's list shape (Gemini's, for Google's clients). */
export function GET(request: Request): Promise<Response> {
  if (isGeminiStyleRequest(request)) return handleGeminiModels({ request, deps: gatewayDeps() });
  return handleListModels({ request, deps: gatewayDeps() });
}
