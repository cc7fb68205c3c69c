// An exact sliding-window request limit: at most `limit` admitted requests in any window of
// `windowMs` (a sliding log of admission times). Unlike a fixed window it cannot admit 2×limit
// across a window boundary, and unlike GCRA it never admits more than `limit` inside one
// window. The log is at most `limit` entries per connection. Pure: the caller stores the log.

export const RATE_WINDOW_MS = 60_000;

export interface SlidingWindowDecision {
  allowed: boolean;
  limit: number;
  /** Requests still allowed in the current window, after this one if it was admitted. */
  remaining: number;
  /** Milliseconds until one more request would be allowed (0 if one is allowed now). */
  retryAfterMs: number;
  /**
   * Milliseconds until the count of requests allowed next goes up by one: the oldest admission in
   * the window leaves it (x-ratelimit-reset-requests). On a refusal this is exactly retryAfterMs,
   * so Retry-After and the reset header agree; on a success it is when a slot used in the last
   * minute comes back (0 when the window is empty).
   */
  resetMs: number;
}

/**
 * Decides one request against the admission times `log` (ascending, any age). Returns the
 * decision and the log to store: expired entries dropped, `now` appended if admitted.
 */
export function decideSlidingWindow({ log, limit, now, windowMs = RATE_WINDOW_MS }: { log: readonly number[]; limit: number; now: number; windowMs?: number }): {
  decision: SlidingWindowDecision;
  log: number[];
} {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(windowMs > 0)) throw new RangeError("windowMs must be positive");
  const live = log.filter((at) => at > now - windowMs && at <= now);
  const allowed = live.length < limit;
  const next = allowed ? [...live, now] : live;
  const oldest = next[0];
  // The slot that frees first is the (len - limit + 1)-th oldest; with len ≤ limit that is the oldest.
  const retryAfterMs = next.length < limit ? 0 : Math.max(1, next[next.length - limit]! + windowMs - now);
  return {
    decision: {
      allowed,
      limit,
      remaining: Math.max(0, limit - next.length),
      retryAfterMs: allowed ? 0 : retryAfterMs,
      resetMs: oldest === undefined ? 0 : Math.max(allowed ? 0 : 1, oldest + windowMs - now),
    },
    log: next,
  };
}

/** OpenAI's duration style for x-ratelimit-reset-*: "20ms", "1s", "6m0s", "1m30.5s". */
export function formatResetDuration(ms: number): string {
  if (!(ms >= 0)) throw new RangeError("ms must be non-negative");
  if (ms < 1000) return `${Math.ceil(ms)}ms`;
  const totalSeconds = Math.ceil(ms / 100) / 10;
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = Math.round((totalSeconds - minutes * 60) * 10) / 10;
  return minutes > 0 ? `${minutes}m${seconds}s` : `${seconds}s`;
}
