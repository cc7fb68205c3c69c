// API clients choke on HTML: an unknown path (or method) under /v1/ answers OpenAI's error shape,
// {"error":{"message","type","param","code"}}, and under /v1beta/ Gemini's, {"error":{"code",
// "message","status"}}, whatever Next rendered for it. Only Next's own 404 and 405 pages are
// replaced, so a JSON answer from any route (present or added later) passes. The message names
// the path, never the query (which may hold a Gemini-style ?key=).
import { geminiStatusName } from "./gemini/gemini-errors";

const API_PREFIX = "/v1/";
const GEMINI_PREFIX = "/v1beta/";

/** True when `response` is Next's HTML page for a path or method under /v1/ that nothing serves. */
function isPageForUnknownApiPath({ pathname, response }: { pathname: string; response: Response }): boolean {
  if (!(pathname.startsWith(API_PREFIX) || pathname === "/v1" || pathname.startsWith(GEMINI_PREFIX) || pathname === "/v1beta")) return false;
  if (response.status !== 404 && response.status !== 405) return false;
  return !/^application\/json\b/i.test(response.headers.get("content-type") ?? "");
}

/** `response`, or an OpenAI-shaped JSON 404 / 405 in place of Next's HTML page. */
export async function answerUnknownApiPath({ request, response }: { request: Request; response: Response }): Promise<Response> {
  const { pathname } = new URL(request.url);
  if (!isPageForUnknownApiPath({ pathname, response })) return response;
  // Drained, not cancelled: Next is still writing the page, and a cancelled stream makes it throw.
  await response.arrayBuffer().catch(() => {});
  const notFound = response.status === 404;
  const message = notFound ? `Unknown request URL: ${request.method} ${pathname}. Please check the URL and try again.` : `Method ${request.method} is not allowed on ${pathname}.`;
  const headers = new Headers(response.headers);
  headers.set("content-type", "application/json");
  headers.set("cache-control", "no-store");
  headers.delete("content-length");
  headers.delete("vary");
  const gemini = pathname.startsWith(GEMINI_PREFIX) || pathname === "/v1beta";
  const body = gemini
    ? { error: { code: response.status, message, status: geminiStatusName(response.status) } }
    : { error: { message, type: "invalid_request_error", param: null, code: notFound ? "unknown_url" : "method_not_allowed" } };
  return new Response(JSON.stringify(body), { status: response.status, headers });
}
