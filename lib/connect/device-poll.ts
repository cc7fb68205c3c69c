/**
 * What a poll of `/connect/token` with the device grant gets (RFC 8628 §3.5), decided from the
 * stored request alone (pure; the service does the writes):
 *
 *   unknown code, another client, wrong PKCE verifier  → invalid_grant (nothing else is revealed)
 *   already exchanged                                   → invalid_grant, and its connection is revoked
 *   past its time                                       → expired_token
 *   denied                                              → access_denied
 *   approved                                            → the sealed secret (once)
 *   pending, polled sooner than the interval            → slow_down (the interval grows by 5 s)
 *   pending                                             → authorization_pending
 *
 * "Sooner than the interval" allows 20% early (clocks and timers are not exact), and the first
 * poll is measured from the request's creation.
 */

export interface StoredDevicePoll {
  client_id: string;
  status: "pending" | "approved" | "denied" | "exchanged";
  expires_at: number;
  interval_seconds: number;
  last_polled_at: number;
}

export type DevicePollDecision =
  | { kind: "invalid" }
  | { kind: "replayed" }
  | { kind: "expired" }
  | { kind: "denied" }
  | { kind: "approved" }
  | { kind: "slow_down"; intervalSeconds: number }
  | { kind: "pending"; intervalSeconds: number };

/** RFC 8628 §3.5: "the interval MUST be increased by 5 seconds for this and all subsequent requests". */
export const SLOW_DOWN_STEP_SECONDS = 5;
/** The interval never grows past this, however fast a broken client polls. */
export const MAX_INTERVAL_SECONDS = 60;
const EARLY_TOLERANCE = 0.8;

/** Too fast: less than 80% of the interval since the last poll. */
export function isPollTooSoon({ lastPolledAt, intervalSeconds, now }: { lastPolledAt: number; intervalSeconds: number; now: number }): boolean {
  return now - lastPolledAt < intervalSeconds * 1000 * EARLY_TOLERANCE;
}

export function decideDevicePoll({ row, clientId, verifierMatches, now }: { row: StoredDevicePoll | null; clientId: string; verifierMatches: boolean; now: number }): DevicePollDecision {
  if (!row || row.client_id !== clientId || !verifierMatches) return { kind: "invalid" };
  if (row.status === "exchanged") return { kind: "replayed" };
  if (row.expires_at <= now) return { kind: "expired" };
  if (row.status === "denied") return { kind: "denied" };
  if (row.status === "approved") return { kind: "approved" };
  if (isPollTooSoon({ lastPolledAt: row.last_polled_at, intervalSeconds: row.interval_seconds, now })) {
    return { kind: "slow_down", intervalSeconds: Math.min(row.interval_seconds + SLOW_DOWN_STEP_SECONDS, MAX_INTERVAL_SECONDS) };
  }
  return { kind: "pending", intervalSeconds: row.interval_seconds };
}
