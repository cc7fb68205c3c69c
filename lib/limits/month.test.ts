import { describe, expect, it } from "vitest";
import { monthKey, nextMonthStart } from "./month";

describe("budget months (calendar months in UTC)", () => {
  it("names the UTC month, not the local one", () => {
    expect(monthKey(Date.UTC(2026, 10, 30, 23, 59, 59, 999))).toBe("2026-11");
    expect(monthKey(Date.UTC(2026, 11, 1, 0, 0, 0, 0))).toBe("2026-12");
  });
  it("rolls over the year", () => {
    expect(monthKey(Date.UTC(2026, 11, 31, 23, 0))).toBe("2026-12");
    expect(nextMonthStart(Date.UTC(2026, 11, 31, 23, 0))).toBe(Date.UTC(2027, 0, 1));
    expect(monthKey(nextMonthStart(Date.UTC(2026, 11, 31)))).toBe("2027-01");
  });
  it("resets at the first millisecond of the next month", () => {
    const end = Date.UTC(2028, 1, 29, 12);
    expect(nextMonthStart(end)).toBe(Date.UTC(2028, 2, 1));
    expect(monthKey(nextMonthStart(end) - 1)).toBe("2028-02");
  });
  it("refuses an invalid clock", () => {
    expect(() => monthKey(Number.NaN)).toThrow(RangeError);
  });
});
