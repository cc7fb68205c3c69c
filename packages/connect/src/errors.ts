/** A failure of the flow; `code` is an OAuth error code from the server, or one of ours (ConnectErrorCode). */
export class ConnectError extends Error {
  readonly code: string;
  readonly status?: number;

  constructor({ code, message, status, cause }: { code: string; message: string; status?: number; cause?: unknown }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "ConnectError";
    this.code = code;
    if (status !== undefined) this.status = status;
  }
}

/**
 * Codes of our own: state_mismatch, iss_mismatch, invalid_response, network_error, seal_failed;
 * expired_token and access_denied also come from the device flow (RFC 8628 §3.5); popup_blocked,
 * popup_closed, superseded and not_connected from the browser entry.
 */
export type ConnectErrorCode =
  | "state_mismatch"
  | "iss_mismatch"
  | "invalid_response"
  | "network_error"
  | "seal_failed"
  | "expired_token"
  | "access_denied"
  | "popup_blocked"
  | "popup_closed"
  | "superseded"
  | "not_connected";

export function checkString(value: unknown, name: string, max = 2000): string {
  if (typeof value !== "string" || value.length === 0) throw new TypeError(`${name} must be a non-empty string`);
  if (value.length > max) throw new RangeError(`${name} must be at most ${max} characters`);
  return value;
}

/** `https://relay.example` (no trailing slash); http is allowed for local development. */
export function normalizeBaseUrl(baseUrl: unknown): string {
  checkString(baseUrl, "baseUrl");
  let url: URL;
  try {
    url = new URL(baseUrl as string);
  } catch {
    throw new TypeError("baseUrl must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TypeError("baseUrl must be an http(s) URL");
  if (url.username !== "" || url.password !== "" || url.search !== "" || url.hash !== "") {
    throw new TypeError("baseUrl must not contain credentials, a query or a fragment");
  }
  return url.href.replace(/\/+$/, "");
}
