// Where Gemini's clients send their key (contract v1.1, "Relay token in other headers"): the
// x-goog-api-key header (Google's SDKs and Gemini CLI), Authorization: Bearer, or the `key`
// query parameter (curl examples). A token in a query string is accepted but never logged: the
// gateway's logs hold no URLs (logError takes none), Workers observability redacts query
// strings (wrangler.jsonc), and the upstream URL is built from configuration alone, so `key`
// never travels on.

/** The relay token, or null when none is sent. */
export function readGeminiToken(request: Request): string | null {
  const header = request.headers.get("x-goog-api-key");
  if (header !== null) return header.trim() || null;
  const bearer = /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (bearer) return bearer;
  const keys = new URL(request.url).searchParams.getAll("key");
  return keys.length === 1 && keys[0] ? keys[0] : null;
}
