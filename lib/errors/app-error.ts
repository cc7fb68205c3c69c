// The one error type of the app. Every expected failure is an AppError with a code;
// lib/errors/to-response.ts turns it into an HTTP response. Messages are written for
// the person using the product and never contain secrets.

export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  misconfigured: 500,
  internal: 500,
  upstream_unavailable: 502,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  /** Seconds after which a retry may succeed (rate limits). */
  readonly retryAfter?: number;
  /** Which input field was wrong, for form errors. */
  readonly field?: string;

  constructor({
    code,
    message,
    retryAfter,
    field,
    cause,
  }: {
    code: ErrorCode;
    message: string;
    retryAfter?: number;
    field?: string;
    cause?: unknown;
  }) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = "AppError";
    this.code = code;
    this.status = errorStatus[code];
    this.retryAfter = retryAfter;
    this.field = field;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
