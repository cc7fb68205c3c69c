import { AppError, isAppError } from "./app-error";
import { logError } from "./log-error";

/** The JSON shape of every error the app's own API answers with. */
export interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

/**
 * Turns any thrown value into a JSON error response. AppErrors keep their
 * status and message; anything else is logged (scrubbed) and answered as a
 * generic 500 so no internal detail reaches the client.
 */
export function errorToResponse({ error, where }: { error: unknown; where: string }): Response {
  const appError: AppError = isAppError(error)
    ? error
    : new AppError({ code: "internal", message: "Something went wrong on our side. Please try again." });
  if (!isAppError(error) || appError.status >= 500) logError({ where, error });
  const body: ErrorBody = {
    error: { code: appError.code, message: appError.message, ...(appError.field ? { field: appError.field } : {}) },
  };
  const headers = new Headers({ "content-type": "application/json", "cache-control": "no-store" });
  if (appError.retryAfter !== undefined) headers.set("retry-after", String(appError.retryAfter));
  return new Response(JSON.stringify(body), { status: appError.status, headers });
}
