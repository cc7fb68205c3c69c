import { describe, expect, it } from "vitest";
import { RememberedTotals } from "./remembered-totals";

describe("sums kept beside their rows", () => {
  it("reads a sum once, then follows the changes made to it", () => {
    const totals = new RememberedTotals();
    let reads = 0;
    const read = () => (reads++, 500);
    expect(totals.get("c1", "2027-01", read)).toBe(500);
    totals.add("c1", "2027-01", 250);
    totals.add("c1", "2027-01", -100);
    expect(totals.get("c1", "2027-01", read)).toBe(650);
    expect(reads).toBe(1);
  });

  it("drops a change to a sum it has not read: the next read comes from storage, which has it", () => {
    const totals = new RememberedTotals();
    totals.add("c1", "2027-01", 250);
    expect(totals.get("c1", "2027-01", () => 250)).toBe(250);
  });

  it("keeps scopes and months apart", () => {
    const totals = new RememberedTotals();
    totals.get("c1", "2027-01", () => 1);
    totals.get("c1", "2027-02", () => 2);
    totals.get("*", "2027-01", () => 3);
    totals.add("c1", "2027-02", 10);
    expect([totals.get("c1", "2027-01", () => -1), totals.get("c1", "2027-02", () => -1), totals.get("*", "2027-01", () => -1)]).toEqual([1, 12, 3]);
  });

  it("forgets everything past its limit, and reads again", () => {
    const totals = new RememberedTotals(2);
    totals.get("a", "m", () => 1);
    totals.get("b", "m", () => 2);
    totals.get("c", "m", () => 3);
    expect(totals.get("a", "m", () => 100)).toBe(100);
  });
});
