import { describe, expect, it } from "vitest";
import { attributeProfile, categoriseSource, packageOf, samplingPeriodUs, type CallFrame, type CpuProfile } from "./profile-attribution";

describe("categoriseSource", () => {
  it("tells the project's own files from libraries, the framework and the runtime", () => {
    expect(categoriseSource("../../lib/gateway/open-connection.ts")).toBe("own");
    expect(categoriseSource("../../workers/gateway-routes.ts")).toBe("own");
    expect(categoriseSource("../../node_modules/kysely/dist/esm/query-builder.js")).toBe("libraries");
    expect(categoriseSource("../../node_modules/@noble/ciphers/aes.js")).toBe("libraries");
    expect(categoriseSource("../../node_modules/next/dist/server/base-server.js")).toBe("framework");
    expect(categoriseSource("../../node_modules/@opennextjs/cloudflare/dist/api.js")).toBe("framework");
    expect(categoriseSource("../../.open-next/server-functions/default/handler.mjs")).toBe("framework");
    expect(categoriseSource("../../node_modules/unenv/dist/runtime/node/buffer.mjs")).toBe("runtime");
    expect(categoriseSource("../../node_modules/@cloudflare/unenv-preset/dist/runtime/node/process.mjs")).toBe("runtime");
    expect(categoriseSource("../../node_modules/wrangler/templates/middleware/common.ts")).toBe("runtime");
    expect(categoriseSource("node-built-in-modules:node:crypto")).toBe("runtime");
    expect(categoriseSource("../../.wrangler/tmp/bundle-x/middleware-loader.entry.ts")).toBe("runtime");
  });

  it("names packages, scoped or not, and the innermost node_modules", () => {
    expect(packageOf("../../node_modules/@noble/hashes/sha2.js")).toBe("@noble/hashes");
    expect(packageOf("node_modules/a/node_modules/zod/v4/core.js")).toBe("zod");
    expect(packageOf("../../lib/x.ts")).toBeNull();
    expect(categoriseSource("../../node_modules/next-auth/index.js")).toBe("framework");
    expect(categoriseSource("../../node_modules/nextish/index.js")).toBe("libraries");
  });
});

describe("samplingPeriodUs", () => {
  it("is the median interval between back-to-back samples, ignoring waits", () => {
    expect(samplingPeriodUs({ timeDeltas: [5000, 150, 160, 170, 40_000, 150, 90_000], requestedUs: 100 })).toBe(150);
  });
  it("falls back to the requested interval when every interval is a wait", () => {
    expect(samplingPeriodUs({ timeDeltas: [5000, 40_000], requestedUs: 100 })).toBe(100);
  });
});

describe("attributeProfile", () => {
  const frame = (functionName: string, url = "worker.js", lineNumber = 0): CallFrame => ({ functionName, url, lineNumber, columnNumber: 0 });
  // root → (program) | (garbage collector) | (idle) | handler (own) → parse (zod) → JSON.parse (native)
  //                                                               → stringify (native, own caller)
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame("(root)", ""), children: [2, 3, 4, 5, 9] },
      { id: 2, callFrame: frame("(program)", "") },
      { id: 3, callFrame: frame("(garbage collector)", "") },
      { id: 4, callFrame: frame("(idle)", "") },
      { id: 5, callFrame: frame("handler", "worker.js", 10), children: [6, 8] },
      { id: 6, callFrame: frame("parse", "worker.js", 20), children: [7] },
      { id: 7, callFrame: frame("parse", "") },
      { id: 8, callFrame: frame("stringify", "") },
      { id: 9, callFrame: frame("next", "worker.js", 30) },
    ],
    // Back-to-back samples 100 µs apart, with one long wait (not CPU) in the middle.
    samples: [5, 5, 6, 7, 8, 9, 2, 3, 4, 5],
    timeDeltas: [0, 100, 100, 100, 100, 50_000, 100, 100, 100, 100],
    startTime: 0,
    endTime: 60_000,
  };
  const sources: Record<number, string> = { 10: "../../lib/gateway/handler.ts", 20: "../../node_modules/zod/v4/parse.js", 30: "../../node_modules/next/dist/server.js" };
  const result = attributeProfile({
    profile,
    requests: 2,
    requestedIntervalUs: 100,
    resolveFrame: (f) => (sources[f.lineNumber] ? { source: sources[f.lineNumber]!, line: f.lineNumber + 1 } : null),
  });

  it("counts one sampling period per sample, not the waits between them", () => {
    expect(result.samplingPeriodUs).toBe(100);
    // 10 samples × 0.1 ms over 2 requests.
    const all = Object.values(result.msPerRequest).reduce((a, b) => a + b, 0);
    expect(all).toBeCloseTo(0.5);
  });

  it("charges builtins to the JavaScript that called them", () => {
    // handler ×3 and the stringify it called → own; parse and the JSON.parse it called → libraries.
    expect(result.msPerRequest.own).toBeCloseTo(0.2);
    expect(result.nativeMsPerRequest.own).toBeCloseTo(0.05);
    expect(result.msPerRequest.libraries).toBeCloseTo(0.1);
    expect(result.nativeMsPerRequest.libraries).toBeCloseTo(0.05);
    expect(result.packages).toEqual([{ name: "zod", msPerRequest: expect.closeTo(0.1) }]);
  });

  it("puts the framework, GC, (program) and idle in their own places", () => {
    expect(result.msPerRequest.framework).toBeCloseTo(0.05);
    expect(result.msPerRequest.runtime).toBeCloseTo(0.1);
    expect(result.msPerRequest.idle).toBeCloseTo(0.05);
  });

  it("lists the busiest functions of own code and libraries with their source", () => {
    expect(result.top[0]).toEqual({ name: "handler lib/gateway/handler.ts:11", category: "own", msPerRequest: expect.closeTo(0.2) });
    expect(result.top[1]).toEqual({ name: "parse zod/v4/parse.js:21", category: "libraries", msPerRequest: expect.closeTo(0.1) });
  });

  it("treats frames outside the bundle as the runtime's", () => {
    const other = attributeProfile({
      profile: { ...profile, nodes: profile.nodes.map((n) => (n.id === 5 ? { ...n, callFrame: frame("internal", "node:internal/x") } : n)) },
      requests: 2,
      requestedIntervalUs: 100,
      resolveFrame: (f) => (f.url === "worker.js" && sources[f.lineNumber] ? { source: sources[f.lineNumber]!, line: 1 } : null),
    });
    expect(other.msPerRequest.own).toBe(0);
    // (program), GC, the three samples of that frame and the builtin it called.
    expect(other.msPerRequest.runtime).toBeCloseTo(0.3);
  });
});
