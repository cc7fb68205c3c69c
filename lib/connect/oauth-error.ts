/**
 * OAuth error responses of the token and revocation endpoints (RFC 6749
 * §5.2, RFC 7009 §2.2.1): a JSON body `{error, error_description}` with
 * `cache-control: no-store` and `pragma: no-cache` (RFC 6749 §5.1).
 * `invalid_client` after client authentication through the Authorization
 * header must be a 401 carrying `WWW-Authenticate` (RFC 6749 §5.2).
 */

/**
 * Token endpoint errors (RFC 6749 §5.2), RFC 7009 §2.2.1's unsupported_token_type, and the
 * device grant's answers while the person has not approved (RFC 8628 §3.5).
 */
export const TOKEN_ERROR_CODES = [
  "invalid_request",
  "invalid_client",
  "invalid_grant",
  "unauthorized_client",
  "unsupported_grant_type",
  "invalid_scope",
  "unsupported_token_type",
  "authorization_pending",
  "slow_down",
  "access_denied",
  "expired_token",
] as const;
export type TokenErrorCode = (typeof TOKEN_ERROR_CODES)[number];

/** Authorization endpoint errors (RFC 6749 §4.1.2.1). */
export type AuthorizeErrorCode =
  | "invalid_request"
  | "unauthorized_client"
  | "access_denied"
  | "unsupported_response_type"
  | "invalid_scope"
  | "server_error"
  | "temporarily_unavailable";

export interface OAuthErrorBody {
  error: TokenErrorCode;
  error_description?: string;
}

export const BASIC_CHALLENGE = 'Basic realm="1relay", charset="UTF-8"';
const MAX_DESCRIPTION = 300;

/**
 * RFC 6749 §5.2 limits error_description to %x20-21 / %x23-5B / %x5D-7E:
 * other characters (quotes, backslashes, non-ASCII, controls) become "'"
 * or "?", so a message written for people always fits.
 */
export function cleanDescription(description: string): string {
  if (typeof description !== "string") throw new TypeError("description must be a string");
  const cleaned = description.replace(/["\\]/g, "'").replace(/[^\x20-\x7e]/g, "?");
  return cleaned.length > MAX_DESCRIPTION ? `${cleaned.slice(0, MAX_DESCRIPTION - 3)}...` : cleaned;
}

export function oauthErrorBody({ error, description }: { error: TokenErrorCode; description?: string }): OAuthErrorBody {
  if (!(TOKEN_ERROR_CODES as readonly string[]).includes(error)) throw new TypeError("unknown OAuth error code");
  if (description === undefined || description === "") return { error };
  return { error, error_description: cleanDescription(description) };
}

/**
 * The JSON error response. Pass `{ basicChallenge: true }` for
 * invalid_client when the client authenticated with the Authorization
 * header (the status must then be 401).
 */
export function oauthError(
  status: number,
  error: TokenErrorCode,
  description?: string,
  options: { basicChallenge?: boolean } = {},
): Response {
  if (!Number.isInteger(status) || status < 400 || status > 599) throw new RangeError("status must be a 4xx or 5xx code");
  if (options.basicChallenge === true && status !== 401) throw new RangeError("a WWW-Authenticate challenge needs status 401");
  const headers = new Headers({
    "content-type": "application/json",
    "cache-control": "no-store",
    pragma: "no-cache",
  });
  if (options.basicChallenge === true) headers.set("www-authenticate", BASIC_CHALLENGE);
  return new Response(JSON.stringify(oauthErrorBody({ error, description })), { status, headers });
}

/**
 * invalid_client as RFC 6749 §5.2 wants it: 401 with a Basic challenge when
 * the client used the Authorization header, otherwise 400 (RFC 9110 §15.5.2
 * requires a challenge with every 401).
 */
export function invalidClientError({ viaHeader, description }: { viaHeader: boolean; description?: string }): Response {
  return viaHeader
    ? oauthError(401, "invalid_client", description ?? "Client authentication failed.", { basicChallenge: true })
    : oauthError(400, "invalid_client", description ?? "Client authentication failed.");
}
