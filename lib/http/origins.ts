/**
 * Web origins (RFC 6454, the WHATWG serialisation a browser sends in `Origin`) that an app's
 * pages run on (decision 022). Registered and signed into a policy in their normal form:
 * `scheme://host[:port]`, scheme and host lowercase, the default port dropped, no path, query,
 * fragment or user name; https, or http on a loopback host only. A request's `Origin` is
 * allowed only when it is exactly one of them (ports included: http://localhost:3000 is not
 * http://localhost:5173). `null` (sandboxed frames, files, some redirects) is never an origin
 * that can be listed.
 */

export const MAX_ORIGINS = 10;
export const MAX_ORIGIN_LENGTH = 300;
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

export type OriginCheck = { ok: true; origin: string } | { ok: false; message: string };

const refuse = (message: string): OriginCheck => ({ ok: false, message });

/** What follows the authority as written ("" or "/" for a bare origin). */
function afterAuthority(value: string): string {
  const start = value.indexOf("//");
  if (start === -1) return value;
  const rest = value.slice(start + 2);
  const end = rest.search(/[/?#\\]/);
  return end === -1 ? "" : rest.slice(end);
}

function authorityOf(value: string): string {
  const start = value.indexOf("//");
  const rest = start === -1 ? "" : value.slice(start + 2);
  const end = rest.search(/[/?#\\]/);
  return end === -1 ? rest : rest.slice(0, end);
}

/**
 * An origin a person or developer typed, in its normal form, or why it cannot be one. Accepts
 * `HTTPS://App.Example:443/` (→ `https://app.example`); refuses `null`, paths, queries,
 * fragments, user names, wildcards, other schemes and http off loopback. Messages never echo it.
 */
export function normaliseOrigin(input: string): OriginCheck {
  if (typeof input !== "string") return refuse("An origin must be text, such as https://app.example.");
  const value = input.trim();
  if (value === "") return refuse("Enter an origin, such as https://app.example.");
  if (value.length > MAX_ORIGIN_LENGTH) return refuse(`An origin must be at most ${MAX_ORIGIN_LENGTH} characters.`);
  if (value.toLowerCase() === "null") return refuse("“null” is not an origin that can be allowed (it is what sandboxed frames and local files send).");
  if (value.includes("*")) return refuse("An origin must name one site: wildcards are not allowed.");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return refuse("An origin must be a scheme and a host, such as https://app.example.");
  }
  if (!value.includes("//")) return refuse("An origin must be a scheme and a host, such as https://app.example.");
  if (url.username !== "" || url.password !== "" || authorityOf(value).includes("@")) return refuse("An origin must not contain a user name or password.");
  const tail = afterAuthority(value);
  if (tail !== "" && tail !== "/") return refuse("An origin has no path, query or fragment: write only the scheme, host and port, such as https://app.example:8443.");
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname))) {
    return refuse("An origin must use https; http is allowed only on loopback (http://localhost, http://127.0.0.1 or http://[::1]).");
  }
  if (url.hostname === "") return refuse("An origin must name a host.");
  return { ok: true, origin: url.origin };
}

/** True when `value` is exactly an origin in its normal form (what a browser sends, and what is stored). */
export function isNormalOrigin(value: string): boolean {
  const check = normaliseOrigin(value);
  return check.ok && check.origin === value;
}

const SERIALISED = /^https?:\/\/(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?$/;

/**
 * Whether a request's `Origin` looks like one a browser serialises for an http(s) page (no path,
 * no `null`, no spaces, lowercase): cheap, no URL parse, for preflights answered without I/O.
 * Not a check that it may be allowed (isOriginAllowed is).
 */
export function isSerialisedHttpOrigin(origin: string): boolean {
  return origin.length <= MAX_ORIGIN_LENGTH && SERIALISED.test(origin);
}

/** A list of typed origins, normalised, without repeats, or the first problem (numbered for the person). */
export function normaliseOriginList(inputs: readonly string[]): { ok: true; origins: string[] } | { ok: false; index: number; message: string } {
  if (inputs.length > MAX_ORIGINS) return { ok: false, index: MAX_ORIGINS, message: `List at most ${MAX_ORIGINS} origins.` };
  const origins: string[] = [];
  for (const [index, input] of inputs.entries()) {
    const check = normaliseOrigin(input);
    if (!check.ok) return { ok: false, index, message: `Origin ${index + 1}: ${check.message}` };
    if (origins.includes(check.origin)) return { ok: false, index, message: `Origin ${index + 1} is listed twice.` };
    origins.push(check.origin);
  }
  return { ok: true, origins };
}

/**
 * Whether a request's `Origin` header is one of `allowed` (normal forms): exact comparison, no
 * case folding, no port or scheme leniency. `null`, an empty or a malformed header never is.
 */
export function isOriginAllowed({ origin, allowed }: { origin: string; allowed: readonly string[] }): boolean {
  if (typeof origin !== "string" || !allowed.includes(origin)) return false;
  return isNormalOrigin(origin);
}

/** Same set of origins, whatever the order (an approval must carry exactly the app's registered ones). */
export function sameOrigins(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((origin) => b.includes(origin)) && new Set(a).size === a.length;
}

/** The origins as one line for a person: "https://app.example and http://localhost:5173". */
export function describeOrigins(origins: readonly string[]): string {
  if (origins.length <= 1) return origins[0] ?? "";
  return `${origins.slice(0, -1).join(", ")} and ${origins[origins.length - 1]}`;
}
