import { unreadableBody } from "./read-json";
import { apiSecurityHeaders } from "./security-headers";

// What the worker entry does to a request before handing it to Next (v1.1 "One public origin",
// issue 13): client-sent X-Forwarded-* (and RFC 7239 Forwarded) headers are dropped, so nothing
// in the app (Auth.js, Next's own URL logic) can take a host or scheme from them; and a body that
// cannot be read (it ended before its Content-Length, or its chunked framing broke) is answered
// with a 400 JSON error here, instead of OpenNext's adapter throwing while it buffers the body.

const isForwarded = (name: string) => name === "forwarded" || name.startsWith("x-forwarded-");

/** The request without client-sent forwarding headers (the same object when it has none). */
export function dropForwardedHeaders(request: Request): Request {
  let found = false;
  for (const name of request.headers.keys()) if (isForwarded(name)) found = true;
  if (!found) return request;
  const headers = new Headers();
  for (const [name, value] of request.headers) if (!isForwarded(name)) headers.append(name, value);
  return new Request(request, { headers, signal: request.signal });
}

function unreadableBodyResponse(request: Request): Response {
  const error = unreadableBody();
  return new Response(JSON.stringify({ error: { code: error.code, message: error.message } }), {
    status: 400,
    headers: { ...apiSecurityHeaders({ isHttps: request.url.startsWith("https:") }), "content-type": "application/json", "cache-control": "no-store" },
  });
}

/**
 * The request as Next should see it, or the answer when its body cannot be read. OpenNext reads
 * every body in full before any route runs; reading a clone first (the tee keeps the bytes for
 * the original) turns a broken body into a clear 400 rather than an uncaught error.
 */
export async function prepareNextRequest(request: Request): Promise<Request | Response> {
  if (request.body !== null && request.method !== "GET" && request.method !== "HEAD") {
    try {
      await request.clone().arrayBuffer();
    } catch {
      return unreadableBodyResponse(request);
    }
  }
  return dropForwardedHeaders(request);
}
