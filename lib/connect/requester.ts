/**
 * Where a device authorization request came from, as the approval page shows it (decision 021,
 * against device-flow phishing: RFC 8628 §5.4): the client address, an approximate place from the
 * platform's geolocation of that address (Cloudflare's `request.cf`; it can be wrong, and a
 * program on a server is elsewhere by nature) and the program's User-Agent. Pure, and every
 * value is cut and stripped to printable text before it is stored or shown.
 */

export interface Requester {
  ip: string | null;
  location: string | null;
  agent: string | null;
}

const clean = (value: unknown, max: number): string | null => {
  if (typeof value !== "string") return null;
  const text = value.replace(/[^\x20-\x7e]/g, "").trim();
  return text === "" ? null : text.slice(0, max);
};

/** An IPv4 or IPv6 address as Cloudflare writes CF-Connecting-IP; anything else is dropped. */
const IP_SYNTAX = /^[0-9A-Fa-f:.]{2,45}$/;

export function describeRequester({ headers, cf }: { headers: Headers; cf?: Record<string, unknown> | null }): Requester {
  const ip = clean(headers.get("cf-connecting-ip"), 45);
  const place = [cf?.city, cf?.region, cf?.country].map((part) => clean(part, 40)).filter((part): part is string => part !== null);
  return {
    ip: ip && IP_SYNTAX.test(ip) ? ip : null,
    location: place.length > 0 ? [...new Set(place)].join(", ") : null,
    agent: clean(headers.get("user-agent"), 160),
  };
}
