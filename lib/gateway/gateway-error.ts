import { AppError, isAppError, type ErrorCode } from "../errors/app-error";
import { logError } from "../errors/log-error";
import { isGatewayRequestError } from "../chat-api/gateway-request-error";
import type { RequestOutcome } from "../limits/settlement";
import type { DescribedError } from "./endpoint";

// The gateway's one error type and its one way to an answer. A GatewayError carries OpenAI's
// type and code (the vocabulary every endpoint starts from) and what the request cost the
// provider (its settlement outcome); each endpoint gives the failure its own body shape
// (OpenAI's {"error":{"message","type","param","code"}} for chat completions).

const codeFor: Record<number, ErrorCode> = { 400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 413: "payload_too_large", 429: "rate_limited", 502: "upstream_unavailable" };

export class GatewayError extends AppError {
  readonly openaiType: string;
  readonly openaiCode: string | null;
  readonly param: string | null;
  readonly httpStatus: number;
  /** Extra response headers (retry-after, x-ratelimit-*, x-should-retry). */
  readonly headers: Record<string, string>;
  /** How the request ends for its settlement (default: the provider never received it). */
  readonly outcome: RequestOutcome;

  constructor({
    status,
    type,
    code,
    message,
    param = null,
    headers = {},
    outcome = { kind: "not_sent" },
  }: {
    status: number;
    type: string;
    code: string | null;
    message: string;
    param?: string | null;
    headers?: Record<string, string>;
    outcome?: RequestOutcome;
  }) {
    super({ code: codeFor[status] ?? (status >= 500 ? "upstream_unavailable" : "bad_request"), message });
    this.name = "GatewayError";
    this.httpStatus = status;
    this.openaiType = type;
    this.openaiCode = code;
    this.param = param;
    this.headers = headers;
    this.outcome = outcome;
  }
}

export const invalidToken = (message = "Incorrect or revoked relay token provided.") =>
  new GatewayError({ status: 401, type: "invalid_request_error", code: "invalid_api_key", message });

/** A page on an origin the token's policy does not list (decision 022): nothing was decrypted, reserved or sent. */
export const originNotAllowed = () =>
  new GatewayError({
    status: 403,
    type: "invalid_request_error",
    code: "origin_not_allowed",
    message: "This relay token may not be used from this web page's origin. Its owner allows web origins in the token's limits (an app registers them).",
  });

export const connectionPaused = () =>
  new GatewayError({ status: 403, type: "invalid_request_error", code: "connection_paused", message: "This connection is paused by its owner." });

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** OpenAI's error body (chat completions, models). */
export function openAIErrorBody({ message, type, param, code }: DescribedError): OpenAIErrorBody {
  return { error: { message, type, param, code } };
}

/** Any thrown value → the failure the client is told about (internal details are logged, never shown). */
export function describeGatewayError(error: unknown): DescribedError {
  if (error instanceof GatewayError) {
    const retryAfter = Number(error.headers["retry-after"]);
    return { status: error.httpStatus, message: error.message, type: error.openaiType, param: error.param, code: error.openaiCode, ...(retryAfter > 0 ? { retryAfterSeconds: retryAfter } : {}) };
  }
  if (isGatewayRequestError(error)) return { status: 400, message: error.message, type: error.type, param: error.param, code: error.openaiCode };
  if (isAppError(error) && error.status < 500) return { status: error.status, message: error.message, type: "invalid_request_error", param: error.field ?? null, code: error.code };
  return { status: 500, message: "The gateway failed to handle this request. Please try again.", type: "server_error", param: null, code: null };
}

/**
 * Failures a retry cannot change (a bad or revoked token, a refused scope, a bad body): said with
 * `x-should-retry: false`, which the OpenAI and Anthropic SDKs and Claude Code obey, so an agent
 * shows the person the message at once instead of retrying for minutes. 429s say it themselves
 * (a budget does; an rpm limit is retried after retry-after).
 */
const FINAL_STATUSES = new Set([400, 401, 402, 403, 404, 413, 422]);

/** Any thrown value → an error response in the endpoint's shape (OpenAI's by default). */
export function gatewayErrorResponse({
  error,
  requestId,
  headers = {},
  errorBody = openAIErrorBody,
}: {
  error: unknown;
  requestId: string;
  headers?: Record<string, string>;
  errorBody?: (error: DescribedError) => unknown;
}): Response {
  const described = describeGatewayError(error);
  if (described.status === 500) logError({ where: "gateway", error });
  return new Response(JSON.stringify(errorBody(described)), {
    status: described.status,
    headers: {
      ...(FINAL_STATUSES.has(described.status) ? { "x-should-retry": "false" } : {}),
      ...headers,
      ...(error instanceof GatewayError ? error.headers : {}),
      "content-type": "application/json",
      "cache-control": "no-store",
      "x-1relay-request-id": requestId,
    },
  });
}
