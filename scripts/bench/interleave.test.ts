import { describe, expect, it } from "vitest";
import { roundOrder } from "./interleave";

describe("roundOrder", () => {
  it("sends the targets in ABBA order: forward, reversed, forward…", () => {
    const rounds = [0, 1, 2, 3].map((r) => roundOrder(["A", "B"], r).join(""));
    expect(rounds.join("")).toBe("ABBAABBA");
  });

  it("puts every target at the same average place over two rounds", () => {
    const targets = ["a", "b", "c", "d", "e"];
    const place = Object.fromEntries(targets.map((t) => [t, 0]));
    for (const r of [0, 1]) roundOrder(targets, r).forEach((t, i) => (place[t]! += i));
    expect(new Set(Object.values(place))).toEqual(new Set([4]));
  });

  it("alternates through warm-up rounds too, and does not change its input", () => {
    const targets = ["A", "B", "C"];
    expect(roundOrder(targets, -1)).toEqual(["C", "B", "A"]);
    expect(roundOrder(targets, -2)).toEqual(["A", "B", "C"]);
    expect(targets).toEqual(["A", "B", "C"]);
  });
});
