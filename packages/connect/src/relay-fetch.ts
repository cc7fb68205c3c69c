// `fetch` for the relay: paths are resolved against the relay's base URL (a full URL elsewhere is
// refused, so the token never leaves for another host), the token goes in Authorization, cookies
// never go (credentials "omit"), and a refusal becomes a RelayApiError with the server's words.
import { ConnectError } from "./errors.js";
import { readRelayError } from "./relay-error.js";

export type RelayFetch = (path: string, init?: RequestInit) => Promise<Response>;
export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>);

/** `<base><path>` for a path on the relay ("/v1/models", "v1/models" or a full URL on the relay's origin). */
export function resolveRelayUrl(base: string, path: string): string {
  if (typeof path !== "string" || path === "") throw new TypeError("path must be a non-empty string");
  const url = new URL(path, `${base}/`);
  if (url.origin !== new URL(base).origin) throw new TypeError("relayFetch only calls the relay's own origin");
  return /^[a-z][a-z0-9+.-]*:/i.test(path) ? url.href : `${base}/${path.replace(/^\/+/, "")}`;
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text().catch(() => "");
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** A fetch function that calls the relay with the token; throws RelayApiError for every answer that is not 2xx. */
export function createRelayFetch({ baseUrl, token, fetchImpl }: { baseUrl: string; token: TokenSource; fetchImpl?: typeof fetch }): RelayFetch {
  const base = baseUrl.replace(/\/+$/, "");
  return async (path, init = {}) => {
    const url = resolveRelayUrl(base, path);
    const current = typeof token === "function" ? await token() : token;
    if (!current) throw new ConnectError({ code: "not_connected", message: "this app is not connected to 1Relay yet" });
    const headers = new Headers(init.headers);
    headers.set("authorization", `Bearer ${current}`);
    let response: Response;
    try {
      response = await (fetchImpl ?? globalThis.fetch)(url, { ...init, headers, credentials: "omit", referrerPolicy: "no-referrer" });
    } catch (cause) {
      if ((cause as Error)?.name === "AbortError") throw cause;
      throw new ConnectError({ code: "network_error", message: "could not reach 1Relay (offline, or this page's origin is not allowed)", cause });
    }
    if (response.ok) return response;
    throw readRelayError({ status: response.status, body: await readBody(response), headers: response.headers });
  };
}
