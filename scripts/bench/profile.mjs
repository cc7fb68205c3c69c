#!/usr/bin/env node
// Where the worker's CPU goes on the gateway path: starts the same servers as `npm run bench`
// (it needs a build in .open-next), attaches to wrangler dev's inspector, records a V8 CPU
// profile over N requests and prints the functions with the most self time.
// PROFILE_TARGET=gateway|floor|stream (gateway), PROFILE_REQUESTS (300), PROFILE_TOP (40),
// PROFILE_OUT (also write the .cpuprofile, for Chrome DevTools), BENCH_PORT (9000; inspector +20).
import { writeFileSync } from "node:fs";
import WebSocket from "ws";
import { offlineEnv } from "../offline-env.mjs";
import { send, target } from "./measure.mjs";
import { benchBody, startBenchStack } from "./stack.mjs";

const env = { ...process.env, ...offlineEnv };
const port = Number(process.env.BENCH_PORT ?? 9000);
const inspectorPort = port + 20;
const children = [];
process.on("exit", () => {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
});

/** A minimal Chrome DevTools Protocol client. */
async function cdp(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.on("open", resolve);
    ws.on("error", reject);
  });
  let id = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id && pending.has(msg.id)) {
      pending.get(msg.id)(msg);
      pending.delete(msg.id);
    }
  });
  return {
    call: (method, params = {}) =>
      new Promise((resolve) => {
        id += 1;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** Self time per function (name, file, line) in ms per request, most first. */
function selfTimes(profile, requests) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const f = byId.get(id).callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber + 1}`;
    const us = profile.timeDeltas[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  const idle = self.get("(idle) :0") ?? 0;
  const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).map(([key, us]) => ({ key, msPerRequest: us / 1000 / requests }));
  return { busyMsPerRequest: (total - idle) / 1000 / requests, rows };
}

async function main() {
  const stack = await startBenchStack({ env, port, inspectorPort });
  children.push(...stack.children);
  const which = process.env.PROFILE_TARGET ?? "gateway";
  const t =
    which === "floor"
      ? target({ name: "floor", url: `${stack.base}/v1/health`, method: "GET" })
      : target({ name: which, url: `${stack.base}/v1/chat/completions`, headers: { authorization: `Bearer ${stack.tokens.budget}` }, body: which === "stream" ? { ...benchBody, stream: true } : benchBody });
  for (let i = 0; i < 50; i += 1) await send(t); // warm-up (JIT, caches)

  const [worker] = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const session = await cdp(worker.webSocketDebuggerUrl);
  await session.call("Profiler.enable");
  await session.call("Profiler.setSamplingInterval", { interval: 100 });
  await session.call("Profiler.start");
  const requests = Number(process.env.PROFILE_REQUESTS ?? 300);
  const started = performance.now();
  for (let i = 0; i < requests; i += 1) await send(t);
  const wall = performance.now() - started;
  const { result } = await session.call("Profiler.stop");
  session.close();
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(result.profile));
  const { busyMsPerRequest, rows } = selfTimes(result.profile, requests);
  console.log(`${requests} requests (${which}): wall ${(wall / requests).toFixed(2)} ms per request (profiling slows it), worker isolate busy ${busyMsPerRequest.toFixed(2)} ms per request`);
  for (const row of rows.slice(0, Number(process.env.PROFILE_TOP ?? 40))) console.log(`${row.msPerRequest.toFixed(3).padStart(8)} ms  ${row.key}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`profile: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
