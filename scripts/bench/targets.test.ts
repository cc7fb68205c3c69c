import { describe, expect, it } from "vitest";
import { evaluateTargets, type TargetInputs } from "./targets";

const good: TargetInputs = {
  addedP50: { gateway: 1.5, portkey: 2, floor: 0.8, gatewayFirstByte: 1.9 },
  throughput: {
    gateway: [
      { concurrency: 10, rps: 1200, errors: 0 },
      { concurrency: 50, rps: 1300, errors: 0 },
    ],
    portkey: [
      { concurrency: 10, rps: 900, errors: 0 },
      { concurrency: 50, rps: 950, errors: 0 },
    ],
  },
  ownJsMsPerRequest: 0.6,
  bundleGzipMiB: 1.9,
};

describe("evaluateTargets", () => {
  it("says met for every target a good run meets", () => {
    const verdicts = evaluateTargets(good);
    expect(verdicts).toHaveLength(6);
    expect(verdicts.every((v) => v.met === true && v.miss === null)).toBe(true);
    expect(verdicts[0]!.measured).toBe("1.50 ms (Portkey 2.00 ms)");
  });

  it("says by how much each target is missed", () => {
    const verdicts = evaluateTargets({
      ...good,
      addedP50: { gateway: 8, portkey: 2, floor: 1.5, gatewayFirstByte: 4.25 },
      throughput: { gateway: [{ concurrency: 10, rps: 450, errors: 0 }, { concurrency: 50, rps: 500, errors: 3 }], portkey: good.throughput.portkey },
      ownJsMsPerRequest: 1.25,
      bundleGzipMiB: 3.5,
    });
    expect(verdicts.map((v) => v.met)).toEqual([false, false, false, false, false, false]);
    expect(verdicts.map((v) => v.miss)).toEqual([
      "over by 6.00 ms",
      "over by 2.25 ms",
      "over by 0.50 ms",
      "450 req/s short (50 % of Portkey's); 3 errors at 50",
      "over by 0.25 ms",
      "over by 0.50 MiB",
    ]);
  });

  it("counts a limit reached exactly as met", () => {
    const verdicts = evaluateTargets({ ...good, addedP50: { gateway: 2, portkey: 2, floor: 1, gatewayFirstByte: 2 }, ownJsMsPerRequest: 1 });
    expect(verdicts.slice(0, 3).map((v) => v.met)).toEqual([true, true, true]);
    expect(verdicts[4]!.met).toBe(true);
  });

  it("says not measured, rather than met, when a figure is missing", () => {
    const verdicts = evaluateTargets({ ...good, addedP50: { ...good.addedP50, portkey: NaN }, throughput: { gateway: good.throughput.gateway, portkey: [] }, ownJsMsPerRequest: NaN });
    expect(verdicts[0]).toMatchObject({ met: null, measured: "not measured" });
    expect(verdicts[3]).toMatchObject({ met: null });
    expect(verdicts[4]).toMatchObject({ met: null });
    expect(verdicts[1]!.met).toBe(true);
  });
});
