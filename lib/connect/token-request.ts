/**
 * Bodies of `POST /connect/token` (RFC 6749 §4.1.3) and `POST
 * /connect/revoke` (RFC 7009 §2.1), given either as
 * application/x-www-form-urlencoded text (the OAuth format) or as an
 * already parsed JSON object (the route picks by content type).
 *
 * - A parameter sent more than once is invalid_request (RFC 6749 §3.2); an
 *   empty value counts as absent; unknown parameters are ignored.
 * - Client credentials come from the body (client_id, client_secret) or
 *   from `Authorization: Basic` (RFC 6749 §2.3.1: base64 of
 *   form-urlencoded id ":" form-urlencoded secret), never from both
 *   (§2.3: one method per request). A client_id in the body must then equal
 *   the header's.
 * - Failures say whether the client used the header, so the route can
 *   answer invalid_client with 401 and a Basic challenge (RFC 6749 §5.2).
 */
import { decodeUtf8 } from "../crypto/encoding";
import { MAX_REDIRECT_URI_LENGTH } from "./redirect-uri";
import { CLIENT_ID_SYNTAX } from "./codes";
import type { TokenErrorCode } from "./oauth-error";

export const MAX_FORM_LENGTH = 16_384;
const VSCHAR = /^[\x20-\x7e]+$/;
const CODE_SYNTAX = /^[A-Za-z0-9_-]{1,256}$/;
const VERIFIER_SYNTAX = /^[A-Za-z0-9\-._~]{43,128}$/;
const MAX_SECRET_LENGTH = 256;
const MAX_TOKEN_LENGTH = 512;

/** RFC 8628 §3.4: the device authorization grant. */
export const DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

export interface CodeTokenRequest {
  grant_type: "authorization_code";
  code: string;
  code_verifier: string;
  client_id: string;
  redirect_uri: string;
  client_secret?: string;
}

/** RFC 8628 §3.4, with the PKCE verifier of the device request (decision 021). */
export interface DeviceTokenRequest {
  grant_type: typeof DEVICE_CODE_GRANT;
  device_code: string;
  code_verifier: string;
  client_id: string;
  client_secret?: string;
}

export type TokenRequest = CodeTokenRequest | DeviceTokenRequest;

export interface RevokeRequest {
  token: string;
  token_type_hint?: string;
  client_id: string;
  client_secret?: string;
}

/** How the client presented its credentials: Basic header, client_secret in the body, or no secret (public client). */
export type ClientAuthMethod = "client_secret_basic" | "client_secret_post" | "none";

export interface ParseFailure {
  ok: false;
  error: TokenErrorCode;
  description: string;
  /** The HTTP status to answer with (401 only for invalid_client via the header). */
  status: 400 | 401;
  /** True when the client authenticated with the Authorization header (answer invalid_client with a Basic challenge). */
  viaHeader: boolean;
}

export type ParseTokenResult = { ok: true; request: TokenRequest; authMethod: ClientAuthMethod } | ParseFailure;
export type ParseRevokeResult = { ok: true; request: RevokeRequest; authMethod: ClientAuthMethod } | ParseFailure;

type Params = Record<string, string>;
export type Step<T> = { ok: true; value: T } | ParseFailure;

function failure({ error, description, viaHeader = false }: { error: TokenErrorCode; description: string; viaHeader?: boolean }): ParseFailure {
  const status = error === "invalid_client" && viaHeader ? 401 : 400;
  return { ok: false, error, description, status, viaHeader };
}

/** The known parameters of a form or JSON body, one string each. */
export function readParams({ body, names }: { body: unknown; names: readonly string[] }): Step<Params> {
  const params: Params = {};
  if (typeof body === "string") {
    if (body.length > MAX_FORM_LENGTH) return failure({ error: "invalid_request", description: "the request body is too large" });
    const form = new URLSearchParams(body);
    for (const name of names) {
      const values = form.getAll(name).filter((value) => value !== "");
      if (values.length > 1) return failure({ error: "invalid_request", description: `${name} must not be sent more than once` });
      if (values.length === 1) params[name] = values[0]!;
    }
    return { ok: true, value: params };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return failure({ error: "invalid_request", description: "the body must be form-encoded or a JSON object" });
  }
  const record = body as Record<string, unknown>;
  for (const name of names) {
    if (!Object.hasOwn(record, name)) continue;
    const value = record[name];
    if (value === undefined || value === null || value === "") continue;
    if (typeof value !== "string") return failure({ error: "invalid_request", description: `${name} must be a string` });
    params[name] = value;
  }
  return { ok: true, value: params };
}

/** RFC 6749 Appendix B: form-urlencoded decoding ("+" is a space); null when malformed. */
function formDecode(text: string): string | null {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return null;
  }
}

/** `Basic <base64(id:secret)>` (RFC 7617 §2, RFC 6749 §2.3.1); null header = none. */
function readBasicAuth(authorization: string | null | undefined): Step<{ clientId: string; clientSecret: string } | null> {
  if (authorization === null || authorization === undefined || authorization === "") return { ok: true, value: null };
  const bad = failure({ error: "invalid_client", description: "the Authorization header is not valid Basic client authentication", viaHeader: true });
  if (typeof authorization !== "string") return bad;
  const match = /^basic ([A-Za-z0-9+/]+={0,2})$/i.exec(authorization.trim());
  if (match === null || match[1]!.length % 4 !== 0 || match[1]!.length > 1024) return bad;
  let text: string;
  try {
    const binary = atob(match[1]!);
    text = decodeUtf8(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
  } catch {
    return bad;
  }
  const colon = text.indexOf(":");
  if (colon === -1) return bad;
  const clientId = formDecode(text.slice(0, colon));
  const clientSecret = formDecode(text.slice(colon + 1));
  if (clientId === null || clientSecret === null || clientId === "" || clientSecret === "") return bad;
  return { ok: true, value: { clientId, clientSecret } };
}

/** Client id and secret from the body and/or the header, with the RFC 6749 §2.3 checks. */
export function readClient({ params, authorization }: { params: Params; authorization: string | null | undefined }): Step<{
  clientId: string;
  clientSecret?: string;
  authMethod: ClientAuthMethod;
}> {
  const basic = readBasicAuth(authorization);
  if (!basic.ok) return basic;
  const header = basic.value;
  const viaHeader = header !== null;
  if (header !== null && params.client_secret !== undefined) {
    return failure({ error: "invalid_request", description: "use one client authentication method: the Authorization header or client_secret, not both" });
  }
  if (header !== null && params.client_id !== undefined && params.client_id !== header.clientId) {
    return failure({ error: "invalid_client", description: "client_id does not match the Authorization header", viaHeader });
  }
  const clientId = header?.clientId ?? params.client_id;
  if (clientId === undefined) return failure({ error: "invalid_request", description: "client_id is required" });
  if (!CLIENT_ID_SYNTAX.test(clientId)) return failure({ error: "invalid_client", description: "client_id is malformed", viaHeader });
  const clientSecret = header?.clientSecret ?? params.client_secret;
  if (clientSecret !== undefined && (clientSecret.length > MAX_SECRET_LENGTH || !VSCHAR.test(clientSecret))) {
    return failure({ error: "invalid_client", description: "client_secret is malformed", viaHeader });
  }
  const authMethod: ClientAuthMethod = header !== null ? "client_secret_basic" : clientSecret !== undefined ? "client_secret_post" : "none";
  return { ok: true, value: clientSecret === undefined ? { clientId, authMethod } : { clientId, clientSecret, authMethod } };
}

const TOKEN_PARAMS = ["grant_type", "code", "device_code", "code_verifier", "client_id", "redirect_uri", "client_secret"] as const;

/**
 * Parses a token request. `body` is the raw form text, or the parsed JSON
 * value; `authorization` the Authorization header, if any.
 */
export function parseTokenRequest({ body, authorization }: { body: unknown; authorization?: string | null }): ParseTokenResult {
  const read = readParams({ body, names: TOKEN_PARAMS });
  if (!read.ok) return read;
  const params = read.value;
  const client = readClient({ params, authorization });
  if (!client.ok) return client;
  if (params.grant_type === undefined) return failure({ error: "invalid_request", description: "grant_type is required" });
  if (params.grant_type === DEVICE_CODE_GRANT) return parseDeviceTokenRequest({ params, client: client.value });
  if (params.grant_type !== "authorization_code") {
    return failure({ error: "unsupported_grant_type", description: `grant_type must be authorization_code or ${DEVICE_CODE_GRANT}` });
  }
  if (params.code === undefined) return failure({ error: "invalid_request", description: "code is required" });
  if (!CODE_SYNTAX.test(params.code)) return failure({ error: "invalid_grant", description: "the authorization code is invalid" });
  if (params.code_verifier === undefined) return failure({ error: "invalid_request", description: "code_verifier is required" });
  if (!VERIFIER_SYNTAX.test(params.code_verifier)) {
    return failure({ error: "invalid_request", description: "code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~" });
  }
  if (params.redirect_uri === undefined) return failure({ error: "invalid_request", description: "redirect_uri is required" });
  if (params.redirect_uri.length > MAX_REDIRECT_URI_LENGTH || !VSCHAR.test(params.redirect_uri)) {
    return failure({ error: "invalid_request", description: "redirect_uri is malformed" });
  }
  const { clientId, clientSecret, authMethod } = client.value;
  const request: CodeTokenRequest = {
    grant_type: "authorization_code",
    code: params.code,
    code_verifier: params.code_verifier,
    client_id: clientId,
    redirect_uri: params.redirect_uri,
  };
  if (clientSecret !== undefined) request.client_secret = clientSecret;
  return { ok: true, request, authMethod };
}

function parseDeviceTokenRequest({ params, client }: { params: Params; client: { clientId: string; clientSecret?: string; authMethod: ClientAuthMethod } }): ParseTokenResult {
  if (params.device_code === undefined) return failure({ error: "invalid_request", description: "device_code is required" });
  if (!CODE_SYNTAX.test(params.device_code)) return failure({ error: "invalid_grant", description: "the device code is invalid" });
  if (params.code_verifier === undefined) return failure({ error: "invalid_request", description: "code_verifier is required" });
  if (!VERIFIER_SYNTAX.test(params.code_verifier)) {
    return failure({ error: "invalid_request", description: "code_verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~" });
  }
  const request: DeviceTokenRequest = { grant_type: DEVICE_CODE_GRANT, device_code: params.device_code, code_verifier: params.code_verifier, client_id: client.clientId };
  if (client.clientSecret !== undefined) request.client_secret = client.clientSecret;
  return { ok: true, request, authMethod: client.authMethod };
}

const REVOKE_PARAMS = ["token", "token_type_hint", "client_id", "client_secret"] as const;

/**
 * Parses a revocation request (RFC 7009 §2.1). The token's form is not
 * checked here: RFC 7009 §2.2 answers 200 for an invalid token too.
 */
export function parseRevokeRequest({ body, authorization }: { body: unknown; authorization?: string | null }): ParseRevokeResult {
  const read = readParams({ body, names: REVOKE_PARAMS });
  if (!read.ok) return read;
  const params = read.value;
  const client = readClient({ params, authorization });
  if (!client.ok) return client;
  if (params.token === undefined) return failure({ error: "invalid_request", description: "token is required" });
  if (params.token.length > MAX_TOKEN_LENGTH || !VSCHAR.test(params.token)) {
    return failure({ error: "invalid_request", description: "token is malformed" });
  }
  const hint = params.token_type_hint;
  if (hint !== undefined && (hint.length > 64 || !VSCHAR.test(hint))) {
    return failure({ error: "invalid_request", description: "token_type_hint is malformed" });
  }
  const { clientId, clientSecret, authMethod } = client.value;
  const request: RevokeRequest = { token: params.token, client_id: clientId };
  if (hint !== undefined) request.token_type_hint = hint;
  if (clientSecret !== undefined) request.client_secret = clientSecret;
  return { ok: true, request, authMethod };
}
