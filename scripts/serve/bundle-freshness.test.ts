import { describe, expect, it } from "vitest";
import { checkBundleFreshness, metafileInputs } from "./bundle-freshness";

describe("checkBundleFreshness", () => {
  const inputs = [
    { path: "workers/worker.ts", mtimeMs: 100 },
    { path: ".open-next/worker.js", mtimeMs: 200 },
  ];

  it("reuses a bundle newer than every input", () => {
    expect(checkBundleFreshness({ bundleMtimeMs: 300, inputs })).toEqual({ fresh: true });
  });

  it("rebuilds when any input is newer, naming it", () => {
    expect(checkBundleFreshness({ bundleMtimeMs: 150, inputs })).toEqual({ fresh: false, reason: ".open-next/worker.js changed" });
  });

  it("rebuilds when an input is gone, there is no bundle, or no list of inputs", () => {
    expect(checkBundleFreshness({ bundleMtimeMs: 300, inputs: [...inputs, { path: "lib/x.ts", mtimeMs: null }] })).toEqual({ fresh: false, reason: "lib/x.ts is gone" });
    expect(checkBundleFreshness({ bundleMtimeMs: null, inputs })).toMatchObject({ fresh: false });
    expect(checkBundleFreshness({ bundleMtimeMs: 300, inputs: null })).toMatchObject({ fresh: false });
    expect(checkBundleFreshness({ bundleMtimeMs: 300, inputs: [] })).toMatchObject({ fresh: false });
  });
});

describe("metafileInputs", () => {
  it("lists the files of an esbuild metafile, leaving out virtual modules", () => {
    const metafile = { inputs: { "lib/a.ts": {}, "node_modules/x/index.js": {}, "node-built-in-modules:node:fs": {}, "<stdin>": {} }, outputs: {} };
    expect(metafileInputs(metafile)).toEqual(["lib/a.ts", "node_modules/x/index.js"]);
  });

  it("says null for something that is not a metafile", () => {
    expect(metafileInputs(null)).toBeNull();
    expect(metafileInputs({ outputs: {} })).toBeNull();
    expect(metafileInputs("x")).toBeNull();
  });
});
