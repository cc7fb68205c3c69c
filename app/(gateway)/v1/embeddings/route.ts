import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { handleEmbeddings } from "@/lib/gateway/embeddings/embeddings-endpoint";

/** OpenAI's embeddings API for every provider that offers embeddings (Gemini's translated). */
export function POST(request: Request): Promise<Response> {
  return handleEmbeddings({ request, deps: gatewayDeps() });
}
