import { describe, expect, it } from "vitest";
import { bucketStarts, DAY_MS, parseUtcDay, resolveRange } from "./usage-range";

const now = Date.UTC(2026, 1, 14, 15, 30); // 2026-02-14 15:30 UTC

describe("resolveRange", () => {
  it("today: UTC midnight to midnight, hourly", () => {
    const r = resolveRange({ name: "today", now });
    expect(r).toEqual({ name: "today", from: Date.UTC(2026, 1, 14), to: Date.UTC(2026, 1, 15), bucket: "hour" });
    expect(bucketStarts(r)).toHaveLength(24);
  });
  it("this month: the first to the first of next month, daily", () => {
    const r = resolveRange({ name: "month", now });
    expect(r).toEqual({ name: "month", from: Date.UTC(2026, 1, 1), to: Date.UTC(2026, 2, 1), bucket: "day" });
    expect(bucketStarts(r)).toHaveLength(28);
  });
  it("December rolls into the next year", () => {
    const r = resolveRange({ name: "month", now: Date.UTC(2025, 11, 31, 23) });
    expect(r.to).toBe(Date.UTC(2026, 0, 1));
  });
  it("a chosen range includes both days", () => {
    const r = resolveRange({ name: "custom", from: "2026-01-30", to: "2026-02-02", now });
    expect(r.from).toBe(Date.UTC(2026, 0, 30));
    expect(r.to).toBe(Date.UTC(2026, 1, 3));
    expect(bucketStarts(r)).toHaveLength(4);
  });
  it("refuses a missing, reversed, unreal or too long range", () => {
    expect(() => resolveRange({ name: "custom", now })).toThrow(RangeError);
    expect(() => resolveRange({ name: "custom", from: "2026-02-02", to: "2026-02-01", now })).toThrow(/ends before/);
    expect(() => resolveRange({ name: "custom", from: "2026-02-30", to: "2026-03-01", now })).toThrow(RangeError);
    expect(() => resolveRange({ name: "custom", from: "2024-01-01", to: "2026-01-01", now })).toThrow(/at most/);
  });
});

describe("parseUtcDay", () => {
  it("accepts real days only", () => {
    expect(parseUtcDay("2026-02-28")).toBe(Date.UTC(2026, 1, 28));
    expect(parseUtcDay("2026-02-29")).toBeNull();
    expect(parseUtcDay("2026-2-1")).toBeNull();
    expect(parseUtcDay("2026-02-28T00:00")).toBeNull();
    expect(Date.UTC(2026, 1, 28) % DAY_MS).toBe(0);
  });
});
