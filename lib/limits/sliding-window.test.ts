import { describe, expect, it } from "vitest";
import { decideSlidingWindow, formatResetDuration } from "./sliding-window";

function run(limit: number, times: number[]) {
  let log: number[] = [];
  return times.map((now) => {
    const { decision, log: next } = decideSlidingWindow({ log, limit, now });
    log = next;
    return decision;
  });
}

describe("sliding-window rpm", () => {
  it("admits exactly N inside a window and refuses the rest", () => {
    const decisions = run(3, [0, 10, 20, 30, 40]);
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions.map((d) => d.remaining)).toEqual([2, 1, 0, 0, 0]);
  });

  it("frees one slot when the oldest admission leaves the window (retry-after is exact)", () => {
    const decisions = run(2, [0, 1000, 5000, 60_000, 60_001]);
    expect(decisions[2]).toMatchObject({ allowed: false, retryAfterMs: 55_000 });
    expect(decisions[3]!.allowed).toBe(true); // the admission at 0 has left
    expect(decisions[4]).toMatchObject({ allowed: false, retryAfterMs: 999 });
  });

  it("never admits more than N in any window, unlike a fixed window at its boundary", () => {
    const times = Array.from({ length: 400 }, (_, i) => 59_000 + i * 5); // straddles 60 s
    const admitted = times.filter((_, i) => run(5, times.slice(0, i + 1)).at(-1)!.allowed);
    expect(admitted.length).toBe(5);
    // Random arrivals: for every admitted request, the admitted ones in (t-60s, t] are at most N.
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const arrivals: number[] = [];
    for (let t = 0; arrivals.length < 2000; ) arrivals.push((t += Math.floor(rand() * 400)));
    const decided = run(10, arrivals);
    const ok = arrivals.filter((_, i) => decided[i]!.allowed);
    for (const t of ok) expect(ok.filter((u) => u > t - 60_000 && u <= t).length).toBeLessThanOrEqual(10);
  });

  it("reports when a slot comes back: the oldest admission leaving the window", () => {
    const decisions = run(3, [0, 10_000, 20_000, 30_000]);
    expect(decisions[0]!.resetMs).toBe(60_000);
    expect(decisions[1]!.resetMs).toBe(50_000);
    // Refused: the reset is the retry time, to the millisecond.
    expect(decisions[3]).toMatchObject({ allowed: false, retryAfterMs: 30_000, resetMs: 30_000 });
  });

  it("agrees with the retry time on every refusal", () => {
    const decisions = run(2, [0, 1000, 5000, 60_000, 60_001, 60_500]);
    for (const d of decisions.filter((x) => !x.allowed)) expect(d.resetMs).toBe(d.retryAfterMs);
  });

  it("rejects a nonsensical limit", () => {
    expect(() => decideSlidingWindow({ log: [], limit: 0, now: 0 })).toThrow(RangeError);
  });

  it("formats reset durations like OpenAI", () => {
    expect(formatResetDuration(20)).toBe("20ms");
    expect(formatResetDuration(1000)).toBe("1s");
    expect(formatResetDuration(360_000)).toBe("6m0s");
    expect(formatResetDuration(90_500)).toBe("1m30.5s");
  });
});
