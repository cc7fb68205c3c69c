/**
 * Redirect URIs of registered apps (security model, "App authorization").
 *
 * - Registration (RFC 6749 §3.1.2, RFC 8252 §7.3/§8.3): an absolute `https`
 *   URL, or `http` on a loopback host only; no fragment (RFC 6749 §3.1.2),
 *   no userinfo, at most 2000 characters, and written in the normal form of
 *   the WHATWG URL standard (`new URL(uri).href === uri`) so that exact
 *   string matching means what it says. The query, if any, must not use the
 *   names of the authorization response (code, state, iss, error, ...).
 * - Loopback hosts: `127.0.0.1` and `[::1]` (RFC 8252 §7.3, which recommends
 *   these IP literals) and also `localhost` for convenience. RFC 8252 §8.3
 *   notes that `localhost` can be resolved elsewhere (hosts file, DNS), so
 *   the docs recommend the IP literals.
 * - Matching (RFC 6749 §3.1.2.3, OAuth 2.1 §4.1.3): exact string comparison,
 *   except that for http loopback URIs the port is ignored ("any port",
 *   RFC 8252 §7.3), since native apps bind an ephemeral port at run time.
 */

export const MAX_REDIRECT_URI_LENGTH = 2000;
const LOOPBACK_HOSTS = new Set(["127.0.0.1", "[::1]", "localhost"]);
/** Parameters the authorization response adds to the redirect URI (RFC 6749 §4.1.2, §4.1.2.1; RFC 9207). */
export const RESPONSE_PARAMS = ["code", "state", "iss", "error", "error_description", "error_uri"] as const;

export type RedirectUriCheck = { ok: true } | { ok: false; message: string };

function parseUrl(uri: string): URL | null {
  try {
    return new URL(uri);
  } catch {
    return null;
  }
}

/** True for `http:` URLs whose host is a loopback host (any port). */
export function isLoopbackHttp(url: URL): boolean {
  return url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname);
}

/** The authority part as written (between "//" and the first "/", "?" or "#"). */
function rawAuthority(uri: string): string {
  const start = uri.indexOf("//");
  if (start === -1) return "";
  const rest = uri.slice(start + 2);
  const end = rest.search(/[/?#]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/** Checks a redirect URI an app developer registers. Messages never echo the URI. */
export function validateRedirectUriForRegistration(uri: string): RedirectUriCheck {
  if (typeof uri !== "string" || uri.length === 0) return { ok: false, message: "Enter a redirect URI." };
  if (uri.length > MAX_REDIRECT_URI_LENGTH) return { ok: false, message: `A redirect URI must be at most ${MAX_REDIRECT_URI_LENGTH} characters.` };
  const url = parseUrl(uri);
  if (url === null) return { ok: false, message: "A redirect URI must be an absolute URL, such as https://app.example.com/callback." };
  if (uri.includes("#")) return { ok: false, message: "A redirect URI must not contain a fragment (#)." };
  if (url.username !== "" || url.password !== "" || rawAuthority(uri).includes("@")) {
    return { ok: false, message: "A redirect URI must not contain a user name or password." };
  }
  if (url.protocol !== "https:" && !isLoopbackHttp(url)) {
    return {
      ok: false,
      message: "A redirect URI must use https; http is allowed only on loopback (http://127.0.0.1, http://[::1] or http://localhost).",
    };
  }
  if (url.href !== uri) return { ok: false, message: `Write the redirect URI in its normal form: ${url.href}` };
  for (const name of RESPONSE_PARAMS) {
    if (url.searchParams.has(name)) return { ok: false, message: `A redirect URI's query must not use the parameter "${name}".` };
  }
  return { ok: true };
}

/** The URL without its port, for loopback comparison; null unless an http loopback URI in normal form. */
function loopbackWithoutPort(uri: string): string | null {
  const url = parseUrl(uri);
  if (url === null || !isLoopbackHttp(url) || url.href !== uri) return null;
  url.port = "";
  return url.href;
}

/**
 * True when `requested` is one of the `registered` URIs: the same string, or
 * for http loopback URIs the same string once the ports are removed.
 */
export function matchRedirectUri({ registered, requested }: { registered: readonly string[]; requested: string }): boolean {
  if (!Array.isArray(registered)) throw new TypeError("registered must be an array of strings");
  if (typeof requested !== "string" || requested.length === 0 || requested.length > MAX_REDIRECT_URI_LENGTH) return false;
  if (registered.includes(requested)) return true;
  const requestedLoopback = loopbackWithoutPort(requested);
  if (requestedLoopback === null) return false;
  return registered.some((uri) => typeof uri === "string" && loopbackWithoutPort(uri) === requestedLoopback);
}

/**
 * The origin to give `postMessage` as its target (the requested, matched
 * redirect URI's origin, port included). Throws TypeError for a non-URL.
 */
export function redirectOrigin(uri: string): string {
  const url = typeof uri === "string" ? parseUrl(uri) : null;
  if (url === null || (url.protocol !== "https:" && url.protocol !== "http:")) {
    throw new TypeError("redirect URI must be an absolute http(s) URL");
  }
  return url.origin;
}

/**
 * The redirect URI with the response parameters appended to its query
 * (RFC 6749 §4.1.2: keep the existing query as written, add ours,
 * form-encoded). Undefined values are left out.
 */
export function buildRedirectUrl({ redirectUri, params }: { redirectUri: string; params: Record<string, string | undefined> }): string {
  const url = parseUrl(redirectUri);
  if (url === null) throw new TypeError("redirectUri must be an absolute URL");
  if (url.hash !== "" || redirectUri.includes("#")) throw new TypeError("redirectUri must not have a fragment");
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
    query.append(name, value);
  }
  const added = query.toString();
  if (added === "") return url.href;
  const base = url.href;
  return base + (url.search === "" ? (base.endsWith("?") ? "" : "?") : "&") + added;
}
