#!/usr/bin/env node
// npm run bench: the gateway's overhead, measured against the OpenNext-built worker served
// in workerd (wrangler dev, local D1 and Durable Objects, fresh state) with the fake OpenAI
// on localhost (tests/fakes). In the same run: the fake called directly (the baseline) and
// GET /v1/health, a bare Next route handler in the same app (the floor). Prints tables with
// ratios and writes bench/results/<date>.json. docs/decisions/010-performance.md explains it.
//
// Environment: SKIP_BUILD=1 (reuse .open-next), BENCH_ROUNDS (sequential rounds, 300),
// BENCH_STREAM_ROUNDS (150), BENCH_SECONDS (per throughput cell, 5), BENCH_CPU_REQUESTS (100),
// SKIP_KDF=1, BENCH_PORT (9000; the fakes use +11, +12, +13).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { offlineEnv } from "../offline-env.mjs";
import { phaseMedians, send, sequential, summarise, target, throughput } from "./measure.mjs";
import { cpuMs, processTree } from "./processes.mjs";
import { printReport } from "./report.mjs";
import { benchBody, benchPrompt, root, startBenchStack } from "./stack.mjs";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, ...offlineEnv };
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const port = num("BENCH_PORT", 9000);
const params = {
  rounds: num("BENCH_ROUNDS", 300),
  streamRounds: num("BENCH_STREAM_ROUNDS", 150),
  warmup: num("BENCH_WARMUP", 30),
  seconds: num("BENCH_SECONDS", 5),
  cpuRequests: num("BENCH_CPU_REQUESTS", 100),
  concurrency: [1, 10, 50],
};
const children = [];
const log = (message) => console.error(`[bench] ${message}`);

function stopAll() {
  for (const child of children.reverse()) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopAll);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  if (process.env.SKIP_BUILD !== "1") {
    log("building the worker (opennextjs-cloudflare build)…");
    spawnSync(bin("opennextjs-cloudflare"), ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
  }

  const stack = await startBenchStack({ env, port, log });
  children.push(...stack.children);
  const { base, fakeUrls, tokens, wrangler } = stack;

  const prompt = benchPrompt;
  const body = benchBody;
  const streamBody = { ...body, stream: true };
  const bearer = (token) => ({ authorization: `Bearer ${token}` });
  const t = {
    floor: target({ name: "floor", url: `${base}/v1/health`, method: "GET" }),
    // The worker entry's own floor: the gateway's path refusing a request with no token (401
    // before any I/O). The gateway is served there, not through Next (decision 011).
    entryFloor: target({ name: "entryFloor", url: `${base}/v1/chat/completions`, body, expectStatus: 401 }),
    direct: target({ name: "direct", url: `${fakeUrls.openai}/v1/chat/completions`, headers: bearer(tokens.apiKey), body }),
    gateway: target({ name: "gateway", url: `${base}/v1/chat/completions`, headers: bearer(tokens.unlimited), body }),
    gatewayBudget: target({ name: "gatewayBudget", url: `${base}/v1/chat/completions`, headers: bearer(tokens.budget), body }),
    directStream: target({ name: "directStream", url: `${fakeUrls.openai}/v1/chat/completions`, headers: bearer(tokens.apiKey), body: streamBody }),
    gatewayStream: target({ name: "gatewayStream", url: `${base}/v1/chat/completions`, headers: bearer(tokens.unlimited), body: streamBody }),
    gatewayBudgetStream: target({ name: "gatewayBudgetStream", url: `${base}/v1/chat/completions`, headers: bearer(tokens.budget), body: streamBody }),
  };
  for (const one of Object.values(t)) {
    const r = await send(one);
    if (!r.ok) throw new Error(`${one.name}: ${r.status} ${r.error}`);
  }

  log(`sequential, non-streamed: ${params.rounds} rounds (+${params.warmup} warm-up), targets interleaved…`);
  const seq = await sequential([t.floor, t.entryFloor, t.direct, t.gateway, t.gatewayBudget], { rounds: params.rounds, warmup: params.warmup });
  log(`sequential, streamed: ${params.streamRounds} rounds…`);
  const str = await sequential([t.floor, t.directStream, t.gatewayStream, t.gatewayBudgetStream], { rounds: params.streamRounds, warmup: 10 });

  log(`CPU time of the workerd processes: ${params.cpuRequests} sequential requests per target…`);
  const workerdPids = processTree(wrangler.pid).filter((p) => p.comm.includes("workerd")).map((p) => p.pid);
  const cpu = {};
  for (const one of [t.floor, t.gateway, t.gatewayBudget, t.gatewayStream]) {
    const before = cpuMs(workerdPids);
    const wallStart = performance.now();
    let errors = 0;
    for (let i = 0; i < params.cpuRequests; i += 1) if (!(await send(one)).ok) errors += 1;
    const wall = performance.now() - wallStart;
    cpu[one.name] = { requests: params.cpuRequests, errors, cpuMsPerRequest: (cpuMs(workerdPids) - before) / params.cpuRequests, wallMsPerRequest: wall / params.cpuRequests };
  }

  log(`throughput: ${params.seconds} s per cell at concurrency ${params.concurrency.join(", ")}…`);
  const tput = {};
  for (const one of [t.floor, t.direct, t.gateway, t.gatewayBudget]) {
    tput[one.name] = [];
    for (const concurrency of params.concurrency) tput[one.name].push(await throughput(one, { concurrency, seconds: params.seconds }));
  }
  stopAll();

  let kdf = null;
  if (process.env.SKIP_KDF !== "1") {
    log("Argon2id unlock time (npm run bench:kdf, 3 runs)…");
    try {
      const out = run(process.execPath, [path.join(root, "scripts/bench-kdf.mjs")], { RUNS: "3" });
      const ms = (label) => Number(new RegExp(`\\| ${label}[^|]*\\|\\s*([\\d.]+) ms`).exec(out)?.[1]);
      kdf = { params: "m = 64 MiB, t = 3, p = 4", runs: 3, nodeMedianMs: ms("Node"), chromiumWorkerMedianMs: ms("Chromium") };
    } catch (error) {
      kdf = { error: String(error).slice(0, 300) };
    }
  }

  log("bundle size (npm run size, SKIP_BUILD=1)…");
  const sizeOut = run(process.execPath, [path.join(root, "scripts/bundle-size.mjs")], { SKIP_BUILD: "1" });
  const size = /Worker bundle: ([\d.]+) MiB, ([\d.]+) MiB gzip/.exec(sizeOut);
  const bundle = size ? { uploadMiB: Number(size[1]), gzipMiB: Number(size[2]) } : { error: sizeOut.slice(-300) };

  const latency = Object.fromEntries(Object.entries(seq).map(([name, rs]) => [name, { ...summarise(rs.filter((r) => r.ok).map((r) => r.endAt)), errors: rs.filter((r) => !r.ok).length }]));
  const streams = Object.fromEntries(
    Object.entries(str).filter(([name]) => name !== "floor").map(([name, rs]) => {
      const ok = rs.filter((r) => r.ok);
      return [name, { headers: summarise(ok.map((r) => r.headersAt)), firstByte: summarise(ok.map((r) => r.firstByteAt)), lastByte: summarise(ok.map((r) => r.endAt)), errors: rs.length - ok.length }];
    }),
  );
  // Paired per round (same round, back to back): the gateway's own cost over floor + direct.
  const pairedAdded = summarise(seq.gateway.map((g, i) => g.endAt - seq.floor[i].endAt - seq.direct[i].endAt));
  const pairedAddedBudget = summarise(seq.gatewayBudget.map((g, i) => g.endAt - seq.floor[i].endAt - seq.direct[i].endAt));
  // Streams, paired the same way (the floor is measured in the same rounds as the streams).
  const pairedFirstByte = summarise(str.gatewayStream.map((g, i) => g.firstByteAt - str.directStream[i].firstByteAt - str.floor[i].endAt));
  const pairedOwn = summarise(seq.gateway.map((g, i) => g.endAt - seq.entryFloor[i].endAt - seq.direct[i].endAt));
  const phases = { gateway: phaseMedians(seq.gateway), gatewayBudget: phaseMedians(seq.gatewayBudget), gatewayStream: phaseMedians(str.gatewayStream) };

  const result = {
    date: startedAt.toISOString(),
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
    dirty: spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).stdout.trim() !== "",
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), loadavgBefore: loadBefore, loadavgAfter: os.loadavg(), node: process.version },
    params,
    request: { model: body.model, promptWords: prompt.split(/\s+/).length, max_tokens: body.max_tokens },
    latency,
    pairedAddedMs: { gateway: pairedAdded, gatewayBudget: pairedAddedBudget, gatewayOverEntryFloor: pairedOwn, firstByte: pairedFirstByte },
    streams,
    phases,
    cpu,
    throughput: tput,
    kdf,
    bundle,
  };
  printReport(result);
  const dir = path.join(root, "bench/results");
  mkdirSync(dir, { recursive: true });
  const day = startedAt.toISOString().slice(0, 10);
  let file = path.join(dir, `${day}.json`);
  for (let i = 2; existsSync(file); i += 1) file = path.join(dir, `${day}-${i}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\nWrote ${path.relative(root, file)}`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(`bench: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
