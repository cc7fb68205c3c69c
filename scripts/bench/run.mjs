#!/usr/bin/env node
// `npm run bench`: 1Relay's gateway side by side with a peer gateway (Portkey's open-source
// gateway, installed into a cache directory by scripts/bench/portkey.mjs), both in front of the
// same fake OpenAI on localhost (tests/fakes). In ONE interleaved run (every target once per
// round, ABBA order): the fake called directly, the runtime floor (the gateway's path answering
// 401 with no I/O), a bare Next route, 1Relay (no limits; a budget), Portkey, and the same three
// streamed. Then CPU per request (/proc), a V8 CPU profile of the worker (own code vs libraries,
// framework and runtime), throughput at concurrency 10 and 50 from a separate process, Argon2id
// and the bundle. Prints tables with ratios, "added over direct" and issue 14's targets, and
// writes bench/results/<date>.json. The worker is served as `npm start` serves it
// (scripts/serve-worker.mjs). Decisions 010 and 015 explain it; measure only on a quiet machine.
//
// Environment: SKIP_BUILD=1 (reuse .open-next), BENCH_ROUNDS (sequential rounds, 300),
// BENCH_WARMUP (30), BENCH_SECONDS (per throughput cell, 5), BENCH_CPU_REQUESTS (200),
// BENCH_PROFILE_REQUESTS (500), SKIP_KDF=1, BENCH_PORT (9000: the worker without Miniflare's
// entry worker +1, fakes +11…+13, inspector +20, Portkey +30), BENCH_CACHE_DIR (Portkey's install; node_modules/.cache/1relay-bench).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { offlineEnv } from "../offline-env.mjs";
import { bundleFrameResolver, recordCpuProfile } from "./cpu-profile.mjs";
import { runLoad } from "./load.mjs";
import { send, sequential, target } from "./measure.mjs";
import { installPortkey, portkeyHeaders, portkeyVersions, startPortkey } from "./portkey.mjs";
import { cpuMs, processTree } from "./processes.mjs";
import { attributeProfile } from "./profile-attribution.ts";
import { printReport } from "./report.mjs";
import { benchBody, benchPrompt, root, startBenchStack } from "./stack.mjs";
import { pairedAdded, phaseDurations, summarise } from "./stats.ts";
import { evaluateTargets } from "./targets.ts";

const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, ...offlineEnv };
const num = (name, fallback) => Number(process.env[name] ?? fallback);
const port = num("BENCH_PORT", 9000);
const params = {
  rounds: num("BENCH_ROUNDS", 300),
  warmup: num("BENCH_WARMUP", 30),
  seconds: num("BENCH_SECONDS", 5),
  cpuRequests: num("BENCH_CPU_REQUESTS", 200),
  profileRequests: num("BENCH_PROFILE_REQUESTS", 500),
  profileIntervalUs: 100,
  concurrency: [10, 50],
};
const stops = [];
const log = (message) => console.error(`[bench] ${message}`);

function stopAll() {
  for (const stop of stops.reverse()) stop();
  stops.length = 0;
}
process.on("exit", stopAll);
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(130));

function run(cmd, args, extraEnv = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", env: { ...env, ...extraEnv }, maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`${path.basename(cmd)} ${args.join(" ")} failed:\n${r.stdout}\n${r.stderr}`);
  return `${r.stdout}\n${r.stderr}`;
}

/** CPU ms per request (user + system, /proc) of a process tree over `count` sequential requests. */
async function cpuPerRequest({ t, pids, count }) {
  const before = cpuMs(pids);
  const wallStart = performance.now();
  let errors = 0;
  for (let i = 0; i < count; i += 1) if (!(await send(t)).ok) errors += 1;
  const wall = performance.now() - wallStart;
  return { requests: count, errors, cpuMsPerRequest: (cpuMs(pids) - before) / count, wallMsPerRequest: wall / count };
}

async function main() {
  const startedAt = new Date();
  const loadBefore = os.loadavg();
  if (process.env.SKIP_BUILD !== "1") {
    log("building the worker (opennextjs-cloudflare build)…");
    const b = spawnSync(bin("opennextjs-cloudflare"), ["build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env });
    if (b.status !== 0) throw new Error("the build failed");
  }
  const portkeyServer = installPortkey({ root, log });

  const inspectorPort = port + 20;
  const stack = await startBenchStack({ env, port, inspectorPort, log });
  stops.push(...stack.children.map((child) => () => child.exitCode === null && child.kill("SIGTERM")));
  const { base, fakeUrls, tokens } = stack;
  log(`starting Portkey's gateway ${portkeyVersions.gateway} (headless)…`);
  const portkey = await startPortkey({ server: portkeyServer, port: port + 30, logFile: path.join(stack.logs, "portkey.log") });
  stops.push(portkey.stop);

  const body = benchBody;
  const streamBody = { ...body, stream: true };
  const bearer = (token) => ({ authorization: `Bearer ${token}` });
  const chat = `${base}/v1/chat/completions`;
  const viaPortkey = { url: `${portkey.base}/v1/chat/completions`, headers: portkeyHeaders({ upstreamBase: `${fakeUrls.openai}/v1`, apiKey: tokens.apiKey }) };
  const direct = { url: `${fakeUrls.openai}/v1/chat/completions`, headers: bearer(tokens.apiKey) };
  const specs = {
    direct: { ...direct, body },
    floor: { url: chat, body, expectStatus: 401 },
    floorDirect: { url: `${stack.directBase}/v1/chat/completions`, body, expectStatus: 401 },
    nextRoute: { url: `${base}/v1/health`, method: "GET" },
    gateway: { url: chat, headers: bearer(tokens.unlimited), body },
    gatewayBudget: { url: chat, headers: bearer(tokens.budget), body },
    portkey: { ...viaPortkey, body },
    directStream: { ...direct, body: streamBody },
    gatewayStream: { url: chat, headers: bearer(tokens.unlimited), body: streamBody },
    portkeyStream: { ...viaPortkey, body: streamBody },
  };
  const t = Object.fromEntries(Object.entries(specs).map(([name, spec]) => [name, target({ name, ...spec })]));
  for (const one of Object.values(t)) {
    const r = await send(one);
    if (!r.ok) throw new Error(`${one.name}: ${r.status} ${r.error}`);
  }

  log(`one interleaved run: ${params.rounds} rounds (+${params.warmup} warm-up) of ${Object.keys(t).length} targets, ABBA order…`);
  const seq = await sequential(Object.values(t), {
    rounds: params.rounds,
    warmup: params.warmup,
    onRound: (round) => round > 0 && round % 100 === 0 && log(`  round ${round}`),
  });

  log(`CPU time per request (/proc, ${params.cpuRequests} sequential requests each)…`);
  const relayPids = processTree(stack.relay.pid).filter((p) => p.comm.includes("workerd")).map((p) => p.pid);
  const portkeyPids = processTree(portkey.child.pid).map((p) => p.pid);
  const cpu = {
    gateway: { ...(await cpuPerRequest({ t: t.gateway, pids: relayPids, count: params.cpuRequests })), processes: "workerd (worker, Durable Object, local D1)" },
    floor: { ...(await cpuPerRequest({ t: t.floor, pids: relayPids, count: params.cpuRequests })), processes: "workerd" },
    portkey: { ...(await cpuPerRequest({ t: t.portkey, pids: portkeyPids, count: params.cpuRequests })), processes: "node (Portkey)" },
  };

  log(`V8 CPU profile of the worker over ${params.profileRequests} non-streamed gateway requests…`);
  let profile;
  try {
    const resolveFrame = bundleFrameResolver({ bundleDir: stack.bundleDir });
    const wallStart = performance.now();
    const raw = await recordCpuProfile({
      inspectorPort,
      samplingIntervalUs: params.profileIntervalUs,
      work: async () => {
        for (let i = 0; i < params.profileRequests; i += 1) await send(t.gateway);
      },
    });
    const wallMsPerRequest = (performance.now() - wallStart) / params.profileRequests;
    profile = { target: "gateway", wallMsPerRequest, ...attributeProfile({ profile: raw, requests: params.profileRequests, resolveFrame, requestedIntervalUs: params.profileIntervalUs }) };
  } catch (error) {
    profile = { error: String(error instanceof Error ? error.message : error).slice(0, 300) };
  }

  log(`throughput: ${params.seconds} s per cell at concurrency ${params.concurrency.join(" and ")}, load from a separate process…`);
  const tput = {};
  for (const name of ["direct", "gateway", "portkey"]) {
    tput[name] = [];
    for (const concurrency of params.concurrency) tput[name].push(await runLoad({ spec: t[name].spec, concurrency, seconds: params.seconds }));
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

  const okOr = (r, pick) => (r.ok ? pick(r) : null);
  const end = (name) => seq[name].map((r) => okOr(r, (x) => x.endAt));
  const firstByte = (name) => seq[name].map((r) => okOr(r, (x) => x.firstByteAt));
  const latency = Object.fromEntries(
    ["direct", "floor", "floorDirect", "nextRoute", "gateway", "gatewayBudget", "portkey"].map((name) => [name, { ...summarise(seq[name].filter((r) => r.ok).map((r) => r.endAt)), errors: seq[name].filter((r) => !r.ok).length }]),
  );
  const streams = Object.fromEntries(
    ["directStream", "gatewayStream", "portkeyStream"].map((name) => {
      const ok = seq[name].filter((r) => r.ok);
      return [name, { headers: summarise(ok.map((r) => r.headersAt)), firstByte: summarise(ok.map((r) => r.firstByteAt)), lastByte: summarise(ok.map((r) => r.endAt)), errors: seq[name].length - ok.length }];
    }),
  );
  // What each adds over the fake called directly, paired round by round.
  const added = {
    floor: pairedAdded(end("floor"), end("direct")),
    floorDirect: pairedAdded(end("floorDirect"), end("direct")),
    nextRoute: pairedAdded(end("nextRoute"), end("direct")),
    gateway: pairedAdded(end("gateway"), end("direct")),
    gatewayBudget: pairedAdded(end("gatewayBudget"), end("direct")),
    portkey: pairedAdded(end("portkey"), end("direct")),
    gatewayOverFloor: pairedAdded(end("gateway"), end("floor")),
    gatewayFirstByte: pairedAdded(firstByte("gatewayStream"), firstByte("directStream")),
    portkeyFirstByte: pairedAdded(firstByte("portkeyStream"), firstByte("directStream")),
    gatewayLastByte: pairedAdded(end("gatewayStream"), end("directStream")),
    portkeyLastByte: pairedAdded(end("portkeyStream"), end("directStream")),
  };
  const phases = Object.fromEntries(
    ["gateway", "gatewayBudget", "gatewayStream"].map((name) => [name, Object.fromEntries(Object.entries(phaseDurations(seq[name].map((r) => r.serverTiming ?? null))).map(([phase, xs]) => [phase, summarise(xs)]))]),
  );
  const ownJsMsPerRequest = profile.msPerRequest ? profile.msPerRequest.own + profile.msPerRequest.libraries : NaN;
  const targets = evaluateTargets({
    addedP50: { gateway: added.gateway.p50, portkey: added.portkey.p50, floor: added.floor.p50, gatewayFirstByte: added.gatewayFirstByte.p50 },
    throughput: { gateway: tput.gateway, portkey: tput.portkey },
    ownJsMsPerRequest,
    bundleGzipMiB: bundle.gzipMiB ?? NaN,
  });

  const result = {
    date: startedAt.toISOString(),
    commit: spawnSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).stdout.trim(),
    dirty: spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" }).stdout.trim() !== "",
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), loadavgBefore: loadBefore, loadavgAfter: os.loadavg(), node: process.version },
    params,
    server: "scripts/serve-worker.mjs (Miniflare's API, as npm start; decision 015)",
    peer: { name: "Portkey AI gateway (open source)", version: portkeyVersions.gateway, overrides: portkeyVersions.overrides },
    request: { model: body.model, promptWords: benchPrompt.split(/\s+/).length, max_tokens: body.max_tokens },
    latency,
    streams,
    added,
    phases,
    cpu,
    profile,
    throughput: tput,
    kdf,
    bundle,
    targets,
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
