import { describe, expect, it } from "vitest";
import { pairedAdded, percentile, phaseDurations, summarise } from "./stats";

describe("percentile and summarise", () => {
  it("uses the nearest rank", () => {
    const s = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(s, 50)).toBe(50);
    expect(percentile(s, 95)).toBe(95);
    expect(percentile(s, 99)).toBe(99);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises the finite values only", () => {
    expect(summarise([3, 1, 2, NaN, Infinity])).toEqual({ n: 3, p50: 2, p95: 3, p99: 3, min: 1, max: 3, mean: 2 });
    expect(summarise([]).n).toBe(0);
    expect(summarise([]).mean).toBeNaN();
  });
});

describe("pairedAdded", () => {
  it("subtracts round by round and leaves out rounds where either failed", () => {
    const s = pairedAdded([5, 6, null, 9], [1, 1, 1, null]);
    expect(s.n).toBe(2);
    expect(s.min).toBe(4);
    expect(s.max).toBe(5);
  });

  it("is robust to a load spike that hits both sides of a round", () => {
    // The third round was slow for everyone: paired, the spike cancels out.
    expect(pairedAdded([3, 3, 50, 3, 3], [1, 1, 48, 1, 1]).max).toBe(2);
  });
});

describe("phaseDurations", () => {
  it("collects Server-Timing durations per phase", () => {
    expect(phaseDurations(["auth;dur=1.5, limits;dur=2", "auth;dur=3", null, "junk"])).toEqual({ auth: [1.5, 3], limits: [2] });
  });
});
