import { describe, expect, it } from "vitest";
import { createPhaseTimer } from "./server-timing";

describe("createPhaseTimer", () => {
  it("sums each phase and lists the phases in the order they ran", async () => {
    let t = 0;
    const timer = createPhaseTimer(() => t);
    await timer.time("auth", () => { t += 1.5; });
    await timer.time("admit", async () => { t += 2; });
    await timer.time("auth", () => { t += 0.25; });
    expect(timer.header()).toBe("auth;dur=1.75, admit;dur=2");
  });

  it("counts a phase that throws, and rethrows", async () => {
    let t = 0;
    const timer = createPhaseTimer(() => t);
    await expect(timer.time("upstream", () => { t += 3; throw new Error("boom"); })).rejects.toThrow("boom");
    expect(timer.header()).toBe("upstream;dur=3");
  });

  it("is empty before any phase", () => {
    expect(createPhaseTimer().header()).toBe("");
  });
});
