import { describe, expect, it } from "vitest";
import { decideFixedWindow } from "./fixed-window";

describe("decideFixedWindow", () => {
  const windowMs = 15 * 60_000;

  it("allows up to the limit and refuses the next hit until the window resets", () => {
    const t0 = 1_000_000;
    for (let count = 1; count <= 5; count += 1) {
      const d = decideFixedWindow({ state: { windowStart: t0, count }, limit: 5, windowMs, now: t0 + 1000 });
      expect(d.allowed).toBe(true);
      expect(d.remaining).toBe(5 - count);
    }
    const refused = decideFixedWindow({ state: { windowStart: t0, count: 6 }, limit: 5, windowMs, now: t0 + 60_000 });
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBe(14 * 60);
  });

  it("never asks to wait less than a second", () => {
    const d = decideFixedWindow({ state: { windowStart: 0, count: 9 }, limit: 5, windowMs, now: windowMs - 1 });
    expect(d.retryAfterSeconds).toBe(1);
  });

  it("rejects nonsense limits", () => {
    expect(() => decideFixedWindow({ state: { windowStart: 0, count: 1 }, limit: 0, windowMs, now: 0 })).toThrow(RangeError);
    expect(() => decideFixedWindow({ state: { windowStart: 0, count: 1 }, limit: 1, windowMs: 0, now: 0 })).toThrow(RangeError);
  });
});
