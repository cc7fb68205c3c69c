// Refusals and failures in Anthropic's error shape, {"type":"error","error":{"type","message"}}
// (https://docs.claude.com/en/api/errors), with the HTTP status the gateway chose, so Claude
// Code and the SDKs raise the right error and show the message.
import type { DescribedError } from "../endpoint";

export interface AnthropicErrorBody {
  type: "error";
  error: { type: string; message: string };
}

const TYPE_BY_STATUS: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  402: "billing_error",
  403: "permission_error",
  404: "not_found_error",
  413: "request_too_large",
  429: "rate_limit_error",
  499: "api_error",
  500: "api_error",
  502: "api_error",
  503: "overloaded_error",
  504: "timeout_error",
  529: "overloaded_error",
};

/** Anthropic's error type for a failure: a budget or cap is a billing matter, whatever its status. */
export function anthropicErrorType({ status, type }: Pick<DescribedError, "status" | "type">): string {
  if (type === "insufficient_quota") return "billing_error";
  return TYPE_BY_STATUS[status] ?? (status >= 500 ? "api_error" : "invalid_request_error");
}

export function anthropicErrorBody(error: DescribedError): AnthropicErrorBody {
  return { type: "error", error: { type: anthropicErrorType(error), message: error.message } };
}

/** An in-stream error event (the stream's headers already said 200). */
export function anthropicErrorEvent({ type, message }: { type: string; message: string }): string {
  return `event: error\ndata: ${JSON.stringify({ type: "error", error: { type, message } })}\n\n`;
}
