// Prints a benchmark result (run.mjs) as Markdown: the side-by-side tables with ratios and
// "added over direct", where the time and the CPU go, throughput, and the targets met or not.
const f = (x, d = 2) => (Number.isFinite(x) ? x.toFixed(d) : "–");
const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "–");
const table = (head, rows) => [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");

export const labels = {
  direct: "direct: the fake OpenAI",
  floor: "runtime floor: 1Relay's gateway path, no token (401, no I/O)",
  floorDirect: "… the same without Miniflare's entry worker (measurement socket)",
  nextRoute: "a bare Next route (GET /v1/health)",
  gateway: "1Relay, token without limits",
  gatewayBudget: "1Relay, token with a budget",
  portkey: "Portkey (peer gateway)",
  directStream: "direct: the fake OpenAI",
  gatewayStream: "1Relay, token without limits",
  portkeyStream: "Portkey (peer gateway)",
};

function printProfile(out, p) {
  out.push(`## The gateway's own JavaScript CPU (V8 profile of the worker)\n`);
  if (!p || p.error) {
    out.push(`Not measured: ${p?.error ?? "no profile"}.\n`);
    return;
  }
  out.push(`${p.requests} non-streamed requests (token without limits), ${p.samples} samples every ~${f(p.samplingPeriodUs, 0)} µs; ${f(p.wallMsPerRequest)} ms wall per request while profiled. A builtin (JSON, crypto, a storage call) counts for the code that called it.\n`);
  const m = p.msPerRequest;
  const libs = p.packages.slice(0, 4).map((x) => `${x.name} ${f(x.msPerRequest, 3)}`).join(", ");
  out.push(
    table(["where", "CPU ms / request"], [
      ["the project's own code (lib/, workers/…)", `${f(m.own, 3)} (of which builtins it calls ${f(p.nativeMsPerRequest.own, 3)})`],
      [`libraries it calls${libs ? ` (${libs})` : ""}`, `${f(m.libraries, 3)} (builtins ${f(p.nativeMsPerRequest.libraries, 3)})`],
      ["**the gateway's own JavaScript: own code + libraries**", `**${f(m.own + m.libraries, 3)}**`],
      ["framework (Next, OpenNext)", f(m.framework, 3)],
      ["runtime (GC, (program), polyfills, workerd's own modules)", f(m.runtime, 3)],
    ]),
  );
  if (p.top.length) {
    out.push("\nBusiest functions (self time with the builtins they call):\n");
    out.push(table(["function", "where", "ms / request"], p.top.map((x) => [`\`${x.name}\``, x.category, f(x.msPerRequest, 3)])));
  }
  out.push("");
}

export function printReport(r) {
  const L = r.latency;
  const A = r.added;
  const S = r.streams;
  const out = [];
  out.push(`# 1Relay gateway benchmark, ${r.date} (commit ${r.commit}${r.dirty ? ", uncommitted changes" : ""})\n`);
  out.push(`${r.machine.cpus} cores (${r.machine.model}), load average ${r.machine.loadavgBefore.map((x) => x.toFixed(2)).join(" ")} before, ${r.machine.loadavgAfter.map((x) => x.toFixed(2)).join(" ")} after; ${r.request.model}, ${r.request.promptWords}-word prompt, max_tokens ${r.request.max_tokens}. 1Relay served by ${r.server}; peer: ${r.peer.name} ${r.peer.version}.`);
  if (r.machine.loadavgBefore[0] > 1) out.push(`**The machine was busy (load average ${r.machine.loadavgBefore[0].toFixed(2)}): compare figures within this run only, and re-run on a quiet machine for absolute ones.**`);
  out.push("");

  out.push(`## Side by side, non-streamed (ms; one interleaved run of ${r.params.rounds} rounds, ABBA order)\n`);

  out.push(
    table(
      ["target", "p50", "p95", "p99", "errors", "added over direct (paired p50)", "p50 / direct"],
      ["direct", "floor", "floorDirect", "nextRoute", "gateway", "gatewayBudget", "portkey"].filter((k) => L[k]).map((k) => [labels[k], f(L[k].p50), f(L[k].p95), f(L[k].p99), L[k].errors, k === "direct" ? "–" : f(A[k].p50), ratio(L[k].p50, L.direct.p50)]),
    ),
  );
  if (A.floorDirect) out.push(`\nThe runtime floor is Miniflare's entry worker (the local stand-in for Cloudflare's edge: ${f(A.floor.p50 - A.floorDirect.p50)} ms here), the static-assets router (production runs it too) and workerd's HTTP and the worker itself (${f(A.floorDirect.p50)} ms over direct together); decision 015.`);
  out.push(`\n1Relay / Portkey: p50 ${ratio(L.gateway.p50, L.portkey.p50)}, added over direct ${ratio(A.gateway.p50, A.portkey.p50)} (${f(A.gateway.p50)} vs ${f(A.portkey.p50)} ms). 1Relay's own work above the runtime floor (gateway − floor, paired): p50 ${f(A.gatewayOverFloor.p50)} / p95 ${f(A.gatewayOverFloor.p95)} ms.\n`);

  out.push(`## Side by side, streamed (ms; same run)\n`);
  const sAdded = { gatewayStream: [A.gatewayFirstByte, A.gatewayLastByte], portkeyStream: [A.portkeyFirstByte, A.portkeyLastByte] };
  out.push(
    table(
      ["target", "headers p50", "first byte p50", "first byte p95", "last byte p50", "last byte p95", "errors", "first byte added (paired p50)", "last byte added (paired p50)"],
      ["directStream", "gatewayStream", "portkeyStream"].map((k) => [labels[k], f(S[k].headers.p50), f(S[k].firstByte.p50), f(S[k].firstByte.p95), f(S[k].lastByte.p50), f(S[k].lastByte.p95), S[k].errors, sAdded[k] ? f(sAdded[k][0].p50) : "–", sAdded[k] ? f(sAdded[k][1].p50) : "–"]),
    ),
  );
  out.push(`\n1Relay / Portkey, first byte p50: ${ratio(S.gatewayStream.firstByte.p50, S.portkeyStream.firstByte.p50)}; last byte p50: ${ratio(S.gatewayStream.lastByte.p50, S.portkeyStream.lastByte.p50)}.\n`);

  const phaseNames = [...new Set(Object.values(r.phases).flatMap((p) => Object.keys(p)))];
  if (phaseNames.length) {
    out.push("## Where 1Relay's time goes (Server-Timing; ms, p50 / p95 / mean)\n");
    out.push(table(["phase", labels.gateway, labels.gatewayBudget, `${labels.gatewayStream}, streamed`], phaseNames.map((ph) => [ph, ...["gateway", "gatewayBudget", "gatewayStream"].map((k) => (r.phases[k][ph] ? `${f(r.phases[k][ph].p50)} / ${f(r.phases[k][ph].p95)} / ${f(r.phases[k][ph].mean)}` : "–"))])));
    out.push("\nworkerd advances its clocks only across I/O, in whole milliseconds: read the means.\n");
  }

  out.push(`## CPU per request (all the server's processes, from /proc in 10 ms ticks; ${r.params.cpuRequests} sequential requests each)\n`);
  out.push(table(["server", "processes", "CPU ms / request", "wall ms / request", "errors"], [["1Relay, token without limits", "gateway"], ["1Relay, runtime floor (401)", "floor"], ["Portkey", "portkey"]].map(([label, k]) => [label, r.cpu[k].processes, f(r.cpu[k].cpuMsPerRequest), f(r.cpu[k].wallMsPerRequest), r.cpu[k].errors])));
  out.push(`\n1Relay / Portkey CPU per request: ${ratio(r.cpu.gateway.cpuMsPerRequest, r.cpu.portkey.cpuMsPerRequest)} (1Relay's figure includes the local D1 and the Durable Object, which in production run outside the worker).\n`);

  printProfile(out, r.profile);

  const T = r.throughput;
  out.push(`## Throughput (requests per second (errors); load from a separate process, ${r.params.seconds} s per cell)\n`);
  const cell = (c) => `${f(c.rps, 0)} (${c.errors})`;
  out.push(
    table(["target", ...r.params.concurrency.map((c) => `c = ${c}`), ...r.params.concurrency.map((c) => `p50 ms at ${c}`)], [
      ...["direct", "gateway", "portkey"].map((k) => [labels[k], ...T[k].map(cell), ...T[k].map((c) => f(c.latency.p50))]),
      ["1Relay / Portkey", ...T.gateway.map((c, i) => ratio(c.rps, T.portkey[i].rps)), ...T.gateway.map(() => "")],
    ]),
  );
  for (const [k, cells] of Object.entries(T)) for (const c of cells) if (c.errorSamples.length) out.push(`\n${k} c=${c.concurrency} errors: ${c.errorSamples.join("; ")}`);

  out.push("\n## Argon2id unlock and bundle\n");
  out.push(r.kdf ? (r.kdf.error ? `Argon2id: ${r.kdf.error}` : `Argon2id (${r.kdf.params}), median of ${r.kdf.runs}: Node ${f(r.kdf.nodeMedianMs, 0)} ms, Chromium Web Worker ${f(r.kdf.chromiumWorkerMedianMs, 0)} ms.`) : "Argon2id: skipped (SKIP_KDF=1).");
  out.push(r.bundle.error ? `Bundle: ${r.bundle.error}` : `Worker bundle: ${f(r.bundle.uploadMiB)} MiB, ${f(r.bundle.gzipMiB)} MiB gzip (${f((r.bundle.gzipMiB / 3) * 100, 0)} % of the 3 MiB free-plan limit).`);

  out.push("\n## Targets (issue 14)\n");
  out.push(table(["target", "measured", "met", "by how much"], r.targets.map((x) => [x.name, x.measured, x.met === null ? "not measured" : x.met ? "met" : "**not met**", x.miss ?? ""])));
  console.log(out.join("\n"));
}
