// How each limit refusal is answered: HTTP status and OpenAI's error type and code, so SDKs
// react correctly (insufficient_quota with x-should-retry: false is never retried by them).
import type { RefusalReason } from "./admission";

export const REFUSALS: Record<RefusalReason, { status: number; type: string; code: string }> = {
  revoked: { status: 401, type: "invalid_request_error", code: "invalid_api_key" },
  paused: { status: 403, type: "invalid_request_error", code: "connection_paused" },
  rate_limited: { status: 429, type: "requests", code: "rate_limit_exceeded" },
  price_unknown: { status: 400, type: "invalid_request_error", code: "model_price_unknown" },
  budget_exhausted: { status: 429, type: "insufficient_quota", code: "insufficient_quota" },
  account_cap_reached: { status: 429, type: "insufficient_quota", code: "insufficient_quota" },
};
