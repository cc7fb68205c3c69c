#!/usr/bin/env node
// Where the worker's CPU goes on the gateway path: starts the built worker like `npm run bench`
// (SKIP_BUILD-style: it needs .open-next), attaches to wrangler dev's inspector, records a V8
// CPU profile over N gateway requests and prints the functions with the most self time.
// PROFILE_TARGET=gateway|floor|stream (gateway), PROFILE_REQUESTS (300), PROFILE_OUT (write the .cpuprofile).
import path from "node:path";
import { mkdirSync, rmSync, writeFileSync, existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { build } from "esbuild";
import WebSocket from "ws";
import { offlineEnv } from "../offline-env.mjs";
import { send, target } from "./measure.mjs";
import { startServer, waitForHttp } from "./processes.mjs";

const root = path.resolve(import.meta.dirname, "../..");
const env = { ...process.env, ...offlineEnv };
const port = Number(process.env.BENCH_PORT ?? 9000);
const inspectorPort = port + 20;
const fakePorts = { openai: port + 11, anthropic: port + 12, gemini: port + 13 };
const state = path.join(root, ".wrangler/bench-state");
const logs = path.join(root, ".wrangler/bench-logs");
const children = [];
process.on("exit", () => { for (const c of children.reverse()) if (c.exitCode === null) c.kill("SIGTERM"); });

async function cdp(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => { ws.on("open", resolve); ws.on("error", reject); });
  let id = 0;
  const pending = new Map();
  ws.on("message", (data) => {
    const msg = JSON.parse(String(data));
    if (msg.id && pending.has(msg.id)) { pending.get(msg.id)(msg); pending.delete(msg.id); }
  });
  return {
    call: (method, params = {}) => new Promise((resolve) => { id += 1; pending.set(id, resolve); ws.send(JSON.stringify({ id, method, params })); }),
    close: () => ws.close(),
  };
}

async function main() {
  if (!existsSync(path.join(root, ".open-next/worker.js"))) throw new Error("build first");
  mkdirSync(logs, { recursive: true });
  rmSync(state, { recursive: true, force: true });
  spawnSync(process.execPath, [path.join(root, "scripts/setup-local.mjs"), "--persist-to", state], { cwd: root, env, stdio: "ignore" });
  const fakes = await startServer({
    name: "fakes", cmd: process.execPath, args: [path.join(root, "tests/fakes/serve.mjs")], cwd: root,
    env: { ...env, FAKE_OPENAI_PORT: String(fakePorts.openai), FAKE_ANTHROPIC_PORT: String(fakePorts.anthropic), FAKE_GEMINI_PORT: String(fakePorts.gemini), FAKE_EXIT_ON_STDIN_END: "1" },
    logFile: path.join(logs, "fakes.log"), ready: (line) => (line.startsWith("{") ? JSON.parse(line) : undefined),
  });
  children.push(fakes.child);
  const wrangler = await startServer({
    name: "wrangler dev", cmd: path.join(root, "node_modules/.bin/wrangler"), cwd: root, env, logFile: path.join(logs, "wrangler.log"), ready: null,
    args: ["dev", "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--inspector-port", String(inspectorPort),
      "--show-interactive-dev-session=false", "--log-level", "warn", "--var", "SIGNIN_EMAILS_PER_IP:100000",
      "--var", `OPENAI_BASE_URL:${fakes.value.openai}/v1`, "--var", `ANTHROPIC_BASE_URL:${fakes.value.anthropic}`, "--var", `GEMINI_BASE_URL:${fakes.value.gemini}`],
  });
  children.push(wrangler.child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/v1/health`);
  const bundled = await build({ entryPoints: [path.join(root, "scripts/bench/setup.ts")], bundle: true, platform: "node", format: "esm", write: false, logLevel: "silent" });
  const { makeBenchTokens } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
  const tokens = await makeBenchTokens({ base: `http://localhost:${port}` });
  const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "Benchmark prompt: please repeat these twenty words back so that the reply has a realistic handful of tokens in it." }], max_tokens: 64 };
  const which = process.env.PROFILE_TARGET ?? "gateway";
  const t = which === "floor" ? target({ name: "floor", url: `${base}/v1/health`, method: "GET" })
    : target({ name: which, url: `${base}/v1/chat/completions`, headers: { authorization: `Bearer ${tokens.budget}` }, body: which === "stream" ? { ...body, stream: true } : body });
  for (let i = 0; i < 50; i += 1) await send(t);

  const list = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  console.error(list.map((x) => `${x.title} ${x.webSocketDebuggerUrl}`).join("\n"));
  const session = await cdp(list[0].webSocketDebuggerUrl);
  await session.call("Profiler.enable");
  await session.call("Profiler.setSamplingInterval", { interval: 100 });
  await session.call("Profiler.start");
  const n = Number(process.env.PROFILE_REQUESTS ?? 300);
  const t0 = performance.now();
  for (let i = 0; i < n; i += 1) await send(t);
  const wall = performance.now() - t0;
  const { result } = await session.call("Profiler.stop");
  session.close();
  const profile = result.profile;
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  // self time per function (url:line name), from the samples
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const dt = profile.timeDeltas;
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = byId.get(id);
    const f = node.callFrame;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").slice(-2).join("/")}:${f.lineNumber}`;
    const us = dt[i] ?? 0;
    self.set(key, (self.get(key) ?? 0) + us);
    total += us;
  });
  const idle = [...self.entries()].filter(([k]) => k.startsWith("(idle)")).reduce((a, [, v]) => a + v, 0);
  console.log(`${n} requests (${which}), wall ${(wall / n).toFixed(2)} ms/request; profiled ${(total / 1000).toFixed(0)} ms, busy ${((total - idle) / 1000 / n).toFixed(2)} ms/request`);
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.PROFILE_TOP ?? 40))) {
    console.log(`${(v / 1000 / n).toFixed(3).padStart(8)} ms/req  ${k}`);
  }
}
main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
