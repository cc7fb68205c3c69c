import { nextMonthStart } from "../../limits/month";
import type { DescribedError } from "../endpoint";

// Every failure in Gemini's error shape, {"error":{"code","message","status","details"}}
// (https://ai.google.dev/gemini-api/docs/troubleshooting), so Google's SDKs raise their ApiError
// and Gemini CLI shows the message. A 429 carries google.rpc.RetryInfo: the wait a rate limit
// names, or, for a spent budget, the time until it resets at the start of the next UTC month;
// Gemini CLI retries waits up to 5 minutes and stops (and says so) beyond.

const STATUS: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  405: "INVALID_ARGUMENT",
  409: "ABORTED",
  413: "INVALID_ARGUMENT",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  502: "UNAVAILABLE",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

export function geminiStatusName(code: number): string {
  return STATUS[code] ?? (code >= 500 ? "INTERNAL" : "INVALID_ARGUMENT");
}

export interface GeminiErrorBody {
  error: { code: number; message: string; status: string; details: Record<string, unknown>[] };
}

export function geminiErrorBody(error: DescribedError, now: number = Date.now()): GeminiErrorBody {
  const details: Record<string, unknown>[] = [
    { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: (error.code ?? error.type).toUpperCase(), domain: "1relay", metadata: { type: error.type, ...(error.param ? { param: error.param } : {}) } },
  ];
  const wait = error.retryAfterSeconds ?? (error.code === "insufficient_quota" ? Math.ceil((nextMonthStart(now) - now) / 1000) : undefined);
  if (error.status === 429 && wait !== undefined) details.push({ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${wait}s` });
  return { error: { code: error.status, message: error.message, status: geminiStatusName(error.status), details } };
}
