import { gatewayDeps } from "@/lib/gateway/deps-in-next";
import { geminiRoute } from "@/lib/gateway/gemini/gemini-routes";

// Gemini's native API for `npm run dev` (the worker entry serves it in production): the
// segment is "<model>" (GET) or "<model>:<method>" (POST generateContent, countTokens…).

function serve(request: Request): Promise<Response> {
  const handler = geminiRoute(request);
  if (!handler) return Promise.resolve(Response.json({ error: { code: 404, message: "Unknown Gemini API method.", status: "NOT_FOUND" } }, { status: 404 }));
  return handler({ request, deps: gatewayDeps() });
}

export const GET = serve;
export const POST = serve;
