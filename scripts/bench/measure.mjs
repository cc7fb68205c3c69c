// The benchmark's HTTP client (node:http with keep-alive, so connection setup is not
// measured) and the measurements: interleaved sequential latency, streamed first / last
// byte, and throughput at a fixed concurrency.
import http from "node:http";
import { performance } from "node:perf_hooks";

/** A target: where a request goes and what it sends. */
export function target({ name, url, method = "POST", headers = {}, body, expectStatus = null }) {
  const u = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return {
    name,
    options: {
      host: u.hostname,
      port: u.port,
      path: `${u.pathname}${u.search}`,
      method,
      headers: { ...headers, ...(payload ? { "content-type": "application/json", "content-length": String(payload.length) } : {}) },
    },
    payload,
    expectStatus,
  };
}

const agents = new Map();
function agentFor(sockets) {
  if (!agents.has(sockets)) agents.set(sockets, new http.Agent({ keepAlive: true, maxSockets: sockets }));
  return agents.get(sockets);
}

/** One request: times (ms from start) to the response headers, first body byte and last byte. */
export function send(t, { sockets = 1 } = {}) {
  return new Promise((resolve) => {
    const start = performance.now();
    const req = http.request({ ...t.options, agent: agentFor(sockets) }, (res) => {
      const headersAt = performance.now() - start;
      let firstByteAt = null;
      let bytes = 0;
      let text = "";
      res.on("data", (chunk) => {
        if (firstByteAt === null) firstByteAt = performance.now() - start;
        bytes += chunk.length;
        if (text.length < 4096) text += chunk.toString("utf8");
      });
      res.on("end", () => {
        const ok = t.expectStatus === null ? res.statusCode >= 200 && res.statusCode < 300 : res.statusCode === t.expectStatus;
        resolve({ ok, status: res.statusCode, headersAt, firstByteAt: firstByteAt ?? headersAt, endAt: performance.now() - start, bytes, serverTiming: res.headers["server-timing"] ?? null, error: ok ? null : text.slice(0, 300) });
      });
      res.on("error", (error) => resolve({ ok: false, status: res.statusCode, error: String(error) }));
    });
    req.on("error", (error) => resolve({ ok: false, status: 0, error: String(error) }));
    if (t.payload) req.end(t.payload);
    else req.end();
  });
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(values) {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), min: s[0], max: s[s.length - 1], mean };
}

/**
 * Sequential requests, one at a time, the targets interleaved (and rotated each round) so
 * that load from other processes on the machine falls on all of them alike.
 */
export async function sequential(targets, { rounds, warmup }) {
  const results = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = -warmup; round < rounds; round += 1) {
    const offset = ((round % targets.length) + targets.length) % targets.length;
    for (let k = 0; k < targets.length; k += 1) {
      const t = targets[(k + offset) % targets.length];
      const r = await send(t);
      if (round >= 0) results[t.name].push(r);
    }
  }
  return results;
}

/** `concurrency` loops, each sending its next request when the last one ends, for `seconds`. */
export async function throughput(t, { concurrency, seconds }) {
  const deadline = performance.now() + seconds * 1000;
  let done = 0;
  let errors = 0;
  const errorSamples = new Set();
  const latencies = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (performance.now() < deadline) {
        const r = await send(t, { sockets: concurrency });
        done += 1;
        if (r.ok) latencies.push(r.endAt);
        else {
          errors += 1;
          if (errorSamples.size < 3) errorSamples.add(`${r.status} ${r.error ?? ""}`.slice(0, 200));
        }
      }
    }),
  );
  const elapsed = (performance.now() - start) / 1000;
  return { concurrency, requests: done, errors, seconds: elapsed, rps: done / elapsed, latency: summarise(latencies), errorSamples: [...errorSamples] };
}

/** Server-Timing values ("auth;dur=1, limits;dur=2") → medians per phase. */
export function phaseMedians(results) {
  const per = {};
  for (const r of results) {
    for (const part of (r.serverTiming ?? "").split(",")) {
      const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
      if (m) (per[m[1]] ??= []).push(Number(m[2]));
    }
  }
  return Object.fromEntries(Object.entries(per).map(([phase, xs]) => [phase, { ...summarise(xs), count: xs.length }]));
}
