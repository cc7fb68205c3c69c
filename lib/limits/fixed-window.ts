// Fixed-window counting for abuse limits (sign-in emails per address and the like).
// Pure: the caller supplies the stored state and the clock.

export interface WindowState {
  windowStart: number;
  count: number;
}

export interface WindowDecision {
  allowed: boolean;
  /** Seconds until the window resets (0 when allowed with room left). */
  retryAfterSeconds: number;
  remaining: number;
}

/** Decides a hit that has already been counted into `state` (count includes this hit). */
export function decideFixedWindow({
  state,
  limit,
  windowMs,
  now,
}: {
  state: WindowState;
  limit: number;
  windowMs: number;
  now: number;
}): WindowDecision {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError("limit must be a positive integer");
  if (!(windowMs > 0)) throw new RangeError("windowMs must be positive");
  const resetAt = state.windowStart + windowMs;
  const allowed = state.count <= limit;
  return {
    allowed,
    remaining: Math.max(0, limit - state.count),
    retryAfterSeconds: allowed ? 0 : Math.max(1, Math.ceil((resetAt - now) / 1000)),
  };
}
