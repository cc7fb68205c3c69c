import { describe, expect, it } from "vitest";
import { decideDevicePoll, isPollTooSoon, type StoredDevicePoll } from "./device-poll";

const NOW = 1_800_000_000_000;
const row = (changes: Partial<StoredDevicePoll> = {}): StoredDevicePoll => ({ client_id: "1relay-cli", status: "pending", expires_at: NOW + 600_000, interval_seconds: 5, last_polled_at: NOW - 5_000, ...changes });
const decide = (r: StoredDevicePoll | null, more: { clientId?: string; verifierMatches?: boolean; now?: number } = {}) =>
  decideDevicePoll({ row: r, clientId: more.clientId ?? "1relay-cli", verifierMatches: more.verifierMatches ?? true, now: more.now ?? NOW });

describe("the device grant's states (RFC 8628 §3.5)", () => {
  it("pending: authorization_pending, the interval unchanged", () => {
    expect(decide(row())).toEqual({ kind: "pending", intervalSeconds: 5 });
  });

  it("polling faster than the interval: slow_down, and the interval grows by 5 seconds (up to 60)", () => {
    expect(decide(row({ last_polled_at: NOW - 1_000 }))).toEqual({ kind: "slow_down", intervalSeconds: 10 });
    expect(decide(row({ last_polled_at: NOW - 1_000, interval_seconds: 10 }))).toEqual({ kind: "slow_down", intervalSeconds: 15 });
    expect(decide(row({ last_polled_at: NOW, interval_seconds: 60 }))).toEqual({ kind: "slow_down", intervalSeconds: 60 });
    // The first poll is measured from the request's creation (stored as the last poll).
    expect(decide(row({ last_polled_at: NOW - 100 }))).toMatchObject({ kind: "slow_down" });
  });

  it("allows a poll up to 20% early (timers are not exact), not more", () => {
    expect(isPollTooSoon({ lastPolledAt: NOW - 4_000, intervalSeconds: 5, now: NOW })).toBe(false);
    expect(isPollTooSoon({ lastPolledAt: NOW - 3_999, intervalSeconds: 5, now: NOW })).toBe(true);
  });

  it("denied: access_denied, on every later poll too", () => {
    expect(decide(row({ status: "denied" }))).toEqual({ kind: "denied" });
    expect(decide(row({ status: "denied", last_polled_at: NOW }))).toEqual({ kind: "denied" });
  });

  it("expired: expired_token, whatever the state (an approval not fetched in time included)", () => {
    for (const status of ["pending", "approved", "denied"] as const) expect(decide(row({ status, expires_at: NOW }))).toEqual({ kind: "expired" });
  });

  it("approved: the sealed secret, even when polled quickly", () => {
    expect(decide(row({ status: "approved", last_polled_at: NOW }))).toEqual({ kind: "approved" });
  });

  it("used twice: a second exchange is a replay (the service revokes the connection it made)", () => {
    expect(decide(row({ status: "exchanged" }))).toEqual({ kind: "replayed" });
    expect(decide(row({ status: "exchanged", expires_at: NOW - 1 }))).toEqual({ kind: "replayed" });
  });

  it("an unknown code, another client or a wrong verifier learns nothing, in any state", () => {
    expect(decide(null)).toEqual({ kind: "invalid" });
    for (const status of ["pending", "approved", "denied", "exchanged"] as const) {
      expect(decide(row({ status }), { clientId: "app_other" })).toEqual({ kind: "invalid" });
      expect(decide(row({ status }), { verifierMatches: false })).toEqual({ kind: "invalid" });
    }
  });
});
