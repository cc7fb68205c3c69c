import { PROVIDER_IDS, PROVIDERS, type ProviderId } from "./registry";

// Upstream URLs are the configured base URL plus a fixed path. The base comes from
// configuration (OPENAI_BASE_URL…), is checked to be http(s) without query or fragment, and
// nothing from the request but the (validated, encoded) model segment is ever appended.

export function joinUpstreamUrl({ baseUrl, path }: { baseUrl: string; path: string }): string {
  let base: URL;
  try {
    base = new URL(baseUrl);
  } catch {
    throw new TypeError("The provider base URL is not a valid URL.");
  }
  if (base.protocol !== "https:" && base.protocol !== "http:") throw new TypeError("The provider base URL must be http(s).");
  if (base.search || base.hash || base.username || base.password) {
    throw new TypeError("The provider base URL must not carry a query, fragment or credentials.");
  }
  if (!path.startsWith("/")) throw new TypeError("Upstream paths start with /.");
  return `${base.origin}${base.pathname.replace(/\/+$/, "")}${path}`;
}

/** The real provider hosts, from the registry (OpenAI's base includes /v1, as its SDK expects). */
export const DEFAULT_BASE_URLS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].baseUrl.default])) as Record<ProviderId, string>;
