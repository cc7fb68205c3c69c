#!/usr/bin/env node
// Where the worker's CPU goes, in more detail than `npm run bench` prints: starts the same
// servers (it needs a build in .open-next), records a V8 CPU profile of the worker over N
// requests, and prints own code / libraries / framework / runtime and the busiest functions,
// mapped to their sources through the bundle's source map.
// PROFILE_TARGET=gateway|floor|stream (gateway), PROFILE_REQUESTS (500), PROFILE_TOP (40),
// PROFILE_OUT (also write the .cpuprofile, for Chrome DevTools), BENCH_PORT (9000; inspector +20).
import { writeFileSync } from "node:fs";
import { offlineEnv } from "../offline-env.mjs";
import { bundleFrameResolver, recordCpuProfile } from "./cpu-profile.mjs";
import { send, target } from "./measure.mjs";
import { attributeProfile } from "./profile-attribution.ts";
import { benchBody, startBenchStack } from "./stack.mjs";

const env = { ...process.env, ...offlineEnv };
const port = Number(process.env.BENCH_PORT ?? 9000);
const inspectorPort = port + 20;
const intervalUs = 100;
const children = [];
process.on("exit", () => {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
});

async function main() {
  const stack = await startBenchStack({ env, port, inspectorPort });
  children.push(...stack.children);
  const which = process.env.PROFILE_TARGET ?? "gateway";
  const chat = `${stack.base}/v1/chat/completions`;
  const t =
    which === "floor"
      ? target({ name: "floor", url: chat, body: benchBody, expectStatus: 401 })
      : target({ name: which, url: chat, headers: { authorization: `Bearer ${stack.tokens.budget}` }, body: which === "stream" ? { ...benchBody, stream: true } : benchBody });
  for (let i = 0; i < 50; i += 1) await send(t); // warm-up (JIT, caches)

  const requests = Number(process.env.PROFILE_REQUESTS ?? 500);
  const started = performance.now();
  const profile = await recordCpuProfile({
    inspectorPort,
    samplingIntervalUs: intervalUs,
    work: async () => {
      for (let i = 0; i < requests; i += 1) await send(t);
    },
  });
  const wall = performance.now() - started;
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  const a = attributeProfile({ profile, requests, requestedIntervalUs: intervalUs, resolveFrame: bundleFrameResolver({ bundleDir: stack.bundleDir }), topCount: Number(process.env.PROFILE_TOP ?? 40) });
  const m = a.msPerRequest;
  console.log(`${requests} requests (${which}, token with a budget): wall ${(wall / requests).toFixed(2)} ms per request (profiling slows it); ${a.samples} samples every ~${a.samplingPeriodUs} µs.`);
  console.log(`CPU ms per request: own code ${m.own.toFixed(3)} (builtins it calls ${a.nativeMsPerRequest.own.toFixed(3)}), libraries ${m.libraries.toFixed(3)}, framework ${m.framework.toFixed(3)}, runtime ${m.runtime.toFixed(3)}.`);
  console.log(`Libraries: ${a.packages.map((p) => `${p.name} ${p.msPerRequest.toFixed(3)}`).join(", ") || "none"}.`);
  for (const row of a.top) console.log(`${row.msPerRequest.toFixed(3).padStart(8)} ms  ${row.category.padEnd(9)} ${row.name}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`profile: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
