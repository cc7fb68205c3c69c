// Prints the benchmark's result as Markdown tables: absolute times and ratios, then the targets.
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "–");
const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

export const labels = {
  floor: "floor: GET /v1/health (bare Next route)",
  entryFloor: "entry floor: gateway path, no token (401, no I/O)",
  direct: "direct: fake OpenAI",
  gateway: "gateway, token without limits",
  gatewayBudget: "gateway, token with a budget",
  directStream: "direct: fake OpenAI",
  gatewayStream: "gateway, token without limits",
  gatewayBudgetStream: "gateway, token with a budget",
};

/** The targets of issue 8, from a result. */
export function targets(r) {
  const floor = r.latency.floor.p50;
  const added = r.pairedAddedMs.gateway.p50;
  // Paired per round when the run measured the floor beside the streams; older results: from the p50s.
  const ttfbAdded = r.pairedAddedMs.firstByte?.p50 ?? r.streams.gatewayStream.firstByte.p50 - r.streams.directStream.firstByte.p50 - floor;
  const loadErrors = Object.values(r.throughput).flat().reduce((n, c) => n + c.errors, 0);
  return [
    { name: "gateway adds ≤ 3 ms p50 over the bare route handler (gateway − floor − direct, paired)", value: `${f(added)} ms`, met: added <= 3 },
    { name: "streaming adds < 2 ms to time to first byte (per round: gateway TTFB − direct TTFB − floor, p50)", value: `${f(ttfbAdded)} ms`, met: ttfbAdded < 2 },
    { name: "no error under load (all throughput cells)", value: `${loadErrors} errors`, met: loadErrors === 0 },
    { name: "bundle < 3 MiB gzip (Workers free plan; 10 MiB hard limit)", value: `${f(r.bundle.gzipMiB)} MiB`, met: r.bundle.gzipMiB < 3 },
  ];
}

export function printReport(r) {
  const L = r.latency;
  const out = [];
  out.push(`# 1Relay gateway benchmark, ${r.date} (commit ${r.commit}${r.dirty ? ", uncommitted changes" : ""})`);
  out.push(`${r.machine.cpus} cores (${r.machine.model}), load average ${r.machine.loadavgBefore.map((x) => x.toFixed(2)).join(" ")} before, ${r.machine.loadavgAfter.map((x) => x.toFixed(2)).join(" ")} after; ${r.request.model}, ${r.request.promptWords}-word prompt, max_tokens ${r.request.max_tokens}.\n`);

  out.push(`## Non-streamed, sequential (ms; ${r.params.rounds} rounds, targets interleaved)\n`);
  out.push(table(["target", "p50", "p95", "p99", "errors", "p50 / floor", "p50 / direct"], ["floor", "entryFloor", "direct", "gateway", "gatewayBudget"].filter((k) => L[k]).map((k) => [labels[k], f(L[k].p50), f(L[k].p95), f(L[k].p99), L[k].errors, ratio(L[k].p50, L.floor.p50), ratio(L[k].p50, L.direct.p50)])));
  const P = r.pairedAddedMs;
  out.push(`\nAdded by the gateway itself (per round: gateway − floor − direct): no limits p50 ${f(P.gateway.p50)} / p95 ${f(P.gateway.p95)} / p99 ${f(P.gateway.p99)} ms; with a budget p50 ${f(P.gatewayBudget.p50)} / p95 ${f(P.gatewayBudget.p95)} / p99 ${f(P.gatewayBudget.p99)} ms.`);
  if (P.gatewayOverEntryFloor) out.push(`The gateway's own work (per round: gateway − entry floor − direct, both served by the worker entry, not Next): p50 ${f(P.gatewayOverEntryFloor.p50)} / p95 ${f(P.gatewayOverEntryFloor.p95)} ms. Next's request path costs the floor ${f(L.floor.p50 - (L.entryFloor?.p50 ?? NaN))} ms more than the entry's.`);
  out.push(`Gateway − direct, p50: ${f(L.gateway.p50 - L.direct.p50)} ms (no limits), ${f(L.gatewayBudget.p50 - L.direct.p50)} ms (budget).\n`);

  const S = r.streams;
  out.push(`## Streamed, sequential (ms; ${r.params.streamRounds} rounds)\n`);
  out.push(table(["target", "headers p50", "first byte p50", "first byte p95", "last byte p50", "last byte p95", "errors", "first byte / direct", "last byte / direct"], ["directStream", "gatewayStream", "gatewayBudgetStream"].map((k) => [labels[k], f(S[k].headers.p50), f(S[k].firstByte.p50), f(S[k].firstByte.p95), f(S[k].lastByte.p50), f(S[k].lastByte.p95), S[k].errors, ratio(S[k].firstByte.p50, S.directStream.firstByte.p50), ratio(S[k].lastByte.p50, S.directStream.lastByte.p50)])));
  if (P.firstByte) out.push(`\nFirst byte added by the gateway (per round: gateway − direct − floor): p50 ${f(P.firstByte.p50)} / p95 ${f(P.firstByte.p95)} ms.`);
  out.push(`\nFirst byte, gateway − direct, p50: ${f(S.gatewayStream.firstByte.p50 - S.directStream.firstByte.p50)} ms (no limits), ${f(S.gatewayBudgetStream.firstByte.p50 - S.directStream.firstByte.p50)} ms (budget); last byte: ${f(S.gatewayStream.lastByte.p50 - S.directStream.lastByte.p50)} ms, ${f(S.gatewayBudgetStream.lastByte.p50 - S.directStream.lastByte.p50)} ms.\n`);

  const phaseNames = [...new Set(Object.values(r.phases).flatMap((p) => Object.keys(p)))];
  out.push("## Wall time inside the handler by phase (Server-Timing; ms, p50 / p95 / mean)\n");
  out.push(table(["phase", "gateway, no limits", "gateway, budget", "gateway, streamed"], phaseNames.map((ph) => [ph, ...["gateway", "gatewayBudget", "gatewayStream"].map((k) => (r.phases[k][ph] ? `${f(r.phases[k][ph].p50)} / ${f(r.phases[k][ph].p95)} / ${f(r.phases[k][ph].mean)}` : "–"))])));
  out.push("\nworkerd advances its clocks only across I/O and in whole milliseconds, so the mean is the better figure: pure computation (decrypt) reads 0, I/O phases include the wait. auth is the D1 read, limits the account object, upstream the provider until its headers (direct takes the figure in the first table).\n");

  out.push(`## CPU time of the workerd processes (worker, Durable Object, local D1, dev proxy; ${r.params.cpuRequests} sequential requests, 10 ms ticks)\n`);
  out.push(table(["target", "CPU ms / request", "wall ms / request", "CPU / floor"], Object.entries(r.cpu).map(([k, c]) => [labels[k] + (k === "gatewayStream" ? " (streamed)" : ""), f(c.cpuMsPerRequest), f(c.wallMsPerRequest), ratio(c.cpuMsPerRequest, r.cpu.floor.cpuMsPerRequest)])));
  out.push(`\nCPU the gateway adds over the floor: ${f(r.cpu.gateway.cpuMsPerRequest - r.cpu.floor.cpuMsPerRequest)} ms (no limits), ${f(r.cpu.gatewayBudget.cpuMsPerRequest - r.cpu.floor.cpuMsPerRequest)} ms (budget) per request.\n`);

  const T = r.throughput;
  out.push(`## Throughput (requests per second, errors; ${r.params.seconds} s per cell)\n`);
  const cell = (c) => `${f(c.rps, 0)} (${c.errors})`;
  out.push(table(["target", ...r.params.concurrency.map((c) => `c = ${c}`)], [
    ...["floor", "direct", "gateway", "gatewayBudget"].map((k) => [labels[k], ...T[k].map(cell)]),
    ["gateway / direct", ...T.gateway.map((c, i) => ratio(c.rps, T.direct[i].rps))],
    ["gateway / floor", ...T.gateway.map((c, i) => ratio(c.rps, T.floor[i].rps))],
    ["gateway p50 latency (ms)", ...T.gateway.map((c) => f(c.latency.p50))],
  ]));
  for (const [k, cells] of Object.entries(T)) for (const c of cells) if (c.errorSamples.length) out.push(`\n${k} c=${c.concurrency} errors: ${c.errorSamples.join("; ")}`);

  out.push("\n## Argon2id unlock and bundle\n");
  out.push(r.kdf ? (r.kdf.error ? `Argon2id: ${r.kdf.error}` : `Argon2id (${r.kdf.params}), median of ${r.kdf.runs}: Node ${f(r.kdf.nodeMedianMs, 0)} ms, Chromium Web Worker ${f(r.kdf.chromiumWorkerMedianMs, 0)} ms.`) : "Argon2id: skipped (SKIP_KDF=1).");
  out.push(r.bundle.error ? `Bundle: ${r.bundle.error}` : `Worker bundle: ${f(r.bundle.uploadMiB)} MiB, ${f(r.bundle.gzipMiB)} MiB gzip (${f((r.bundle.gzipMiB / 3) * 100, 0)} % of the 3 MiB free-plan limit).`);

  out.push("\n## Targets\n");
  out.push(table(["target", "measured", "met"], targets(r).map((x) => [x.name, x.value, x.met ? "yes" : "NO"])));
  console.log(out.join("\n"));
}
