import { AppError, isAppError, type ErrorCode } from "../errors/app-error";
import { logError } from "../errors/log-error";
import { isGatewayRequestError } from "../chat-api/gateway-request-error";

// The gateway answers in OpenAI's error shape, {"error":{"message","type","param","code"}},
// so OpenAI SDKs raise the right exception. GatewayError carries OpenAI's type and code.

const codeFor: Record<number, ErrorCode> = { 400: "bad_request", 401: "unauthenticated", 403: "forbidden", 404: "not_found", 413: "payload_too_large", 429: "rate_limited", 502: "upstream_unavailable" };

export class GatewayError extends AppError {
  readonly openaiType: string;
  readonly openaiCode: string | null;
  readonly param: string | null;
  readonly httpStatus: number;
  /** Extra response headers (retry-after, x-ratelimit-*, x-should-retry). */
  readonly headers: Record<string, string>;

  constructor({ status, type, code, message, param = null, headers = {} }: { status: number; type: string; code: string | null; message: string; param?: string | null; headers?: Record<string, string> }) {
    super({ code: codeFor[status] ?? (status >= 500 ? "upstream_unavailable" : "bad_request"), message });
    this.name = "GatewayError";
    this.httpStatus = status;
    this.openaiType = type;
    this.openaiCode = code;
    this.param = param;
    this.headers = headers;
  }
}

export const invalidToken = (message = "Incorrect or revoked relay token provided.") =>
  new GatewayError({ status: 401, type: "invalid_request_error", code: "invalid_api_key", message });

export interface OpenAIErrorBody {
  error: { message: string; type: string; param: string | null; code: string | null };
}

/** Any thrown value → the status and OpenAI-shaped body the client gets (internal details are logged, never shown). */
export function describeGatewayError(error: unknown): { status: number; body: OpenAIErrorBody } {
  if (error instanceof GatewayError) {
    return { status: error.httpStatus, body: { error: { message: error.message, type: error.openaiType, param: error.param, code: error.openaiCode } } };
  }
  if (isGatewayRequestError(error)) {
    return { status: 400, body: { error: { message: error.message, type: error.type, param: error.param, code: error.openaiCode } } };
  }
  if (isAppError(error) && error.status < 500) {
    return { status: error.status, body: { error: { message: error.message, type: "invalid_request_error", param: error.field ?? null, code: error.code } } };
  }
  return { status: 500, body: { error: { message: "The gateway failed to handle this request. Please try again.", type: "server_error", param: null, code: null } } };
}

/** Any thrown value → an OpenAI-shaped error response. */
export function gatewayErrorResponse({ error, requestId, headers = {} }: { error: unknown; requestId: string; headers?: Record<string, string> }): Response {
  const { status, body } = describeGatewayError(error);
  if (status === 500) logError({ where: "gateway", error });
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, ...(error instanceof GatewayError ? error.headers : {}), "content-type": "application/json", "cache-control": "no-store", "x-1relay-request-id": requestId },
  });
}
