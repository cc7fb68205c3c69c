// The relay's refusals as one typed error for a page: 401 (revoked or unknown token), 402, 403
// (paused, a model or provider not granted, an origin the connection does not list), 429 (rate
// limit or budget), with the server's own words. Reads OpenAI's {"error":{message,code,type}},
// Anthropic's {"type":"error","error":{type,message}} and Gemini's {"error":{code,message,status}}.
import { ConnectError } from "./errors.js";

export type RelayErrorKind = "unauthorized" | "payment_required" | "forbidden" | "rate_limited" | "bad_request" | "server_error";

const KIND_BY_STATUS: Record<number, RelayErrorKind> = { 401: "unauthorized", 402: "payment_required", 403: "forbidden", 429: "rate_limited" };

export function kindOfStatus(status: number): RelayErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 || status === 0 ? "server_error" : "bad_request");
}

export class RelayApiError extends ConnectError {
  readonly kind: RelayErrorKind;
  override readonly status: number;
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;

  constructor({ status, code, message, requestId, retryAfterSeconds }: { status: number; code: string; message: string; requestId?: string; retryAfterSeconds?: number }) {
    super({ code, status, message });
    this.name = "RelayApiError";
    this.status = status;
    this.kind = kindOfStatus(status);
    if (requestId !== undefined) this.requestId = requestId;
    if (retryAfterSeconds !== undefined) this.retryAfterSeconds = retryAfterSeconds;
  }
}

const DEFAULT_MESSAGES: Record<RelayErrorKind, string> = {
  unauthorized: "1Relay did not accept this app's token (revoked or unknown): connect again.",
  payment_required: "1Relay refused the request: payment required.",
  forbidden: "1Relay refused the request.",
  rate_limited: "1Relay refused the request: a limit was reached.",
  bad_request: "1Relay refused the request.",
  server_error: "1Relay could not answer. Try again.",
};

function shortText(value: unknown, max: number): string | undefined {
  return typeof value === "string" && value.length > 0 ? value.slice(0, max) : undefined;
}

/** The error an answer of `status` with `body` (parsed JSON or undefined) and `headers` means. */
export function readRelayError({ status, body, headers }: { status: number; body: unknown; headers?: Headers }): RelayApiError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const inner = typeof record.error === "object" && record.error !== null ? (record.error as Record<string, unknown>) : record;
  const code = [inner.code, inner.type, inner.status].find((v): v is string => typeof v === "string" && /^[A-Za-z_]{1,64}$/.test(v));
  const kind = kindOfStatus(status);
  const retryAfter = Number(headers?.get("retry-after"));
  return new RelayApiError({
    status,
    code: code ?? kind,
    message: shortText(inner.message, 500) ?? DEFAULT_MESSAGES[kind],
    requestId: headers?.get("x-1relay-request-id") ?? undefined,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  });
}
