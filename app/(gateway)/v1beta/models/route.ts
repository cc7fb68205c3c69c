import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleGeminiModels } from "@/lib/gateway/gemini/gemini-models";

/** The Gemini models this relay token may use (x-goog-api-key, ?key= or Bearer). */
export function GET(request: Request): Promise<Response> {
  return handleGeminiModels({ request, deps: gatewayDeps() });
}
