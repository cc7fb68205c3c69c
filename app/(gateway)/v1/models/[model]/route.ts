import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { geminiRoute } from "@/lib/gateway/gemini/gemini-routes";

// Gemini's native API under /v1 (as @google/genai 3.x calls it) for `npm run dev` (the worker
// entry serves it in production): the segment is "<model>" (GET) or "<model>:<method>" (POST).

function serve(request: Request): Promise<Response> {
  const handler = geminiRoute(request);
  // GET /v1/models/{id} from an OpenAI client (no Google-style key): not served, in OpenAI's shape.
  if (!handler) return Promise.resolve(Response.json({ error: { message: `Unknown request URL: ${request.method} ${new URL(request.url).pathname}.`, type: "invalid_request_error", param: null, code: "unknown_url" } }, { status: 404 }));
  return handler({ request, deps: gatewayDeps() });
}

export const GET = serve;
export const POST = serve;
