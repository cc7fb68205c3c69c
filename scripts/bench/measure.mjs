// The benchmark's HTTP client (node:http with keep-alive, so connection setup is not measured)
// and the interleaved sequential run: every target once per round, in ABBA order.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { roundOrder } from "./interleave.ts";

/**
 * A target: where a request goes and what it sends. `spec` is plain data (it also crosses to the
 * load generator's process); `expectStatus` null means any 2xx.
 */
export function target(spec) {
  const { url, method = "POST", headers = {}, body, expectStatus = null } = spec;
  const u = new URL(url);
  const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
  return {
    name: spec.name,
    spec,
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

/**
 * Sequential requests, one at a time, every target once per round in ABBA order, so that load
 * from other processes on the machine falls on all of them alike. Resolves to each target's
 * results by round (index i is round i for every target, so rounds can be paired).
 */
export async function sequential(targets, { rounds, warmup, onRound = () => {} }) {
  const results = Object.fromEntries(targets.map((t) => [t.name, []]));
  for (let round = -warmup; round < rounds; round += 1) {
    for (const t of roundOrder(targets, round)) {
      const r = await send(t);
      if (round >= 0) results[t.name].push(r);
    }
    onRound(round);
  }
  return results;
}
