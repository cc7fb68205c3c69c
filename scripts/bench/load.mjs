#!/usr/bin/env node
// The benchmark's load generator, run as a process of its own so that the load does not share
// an event loop with anything else: `concurrency` loops, each sending its next request when the
// last one ends, for `seconds`, over keep-alive connections. Prints one JSON line.
//   node scripts/bench/load.mjs '{"spec":{…target…},"concurrency":10,"seconds":5}'
import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { send, target } from "./measure.mjs";
import { summarise } from "./stats.ts";

async function generateLoad({ spec, concurrency, seconds }) {
  const t = target(spec);
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

/** Runs one load cell in a child process and resolves to its result. */
export function runLoad({ spec, concurrency, seconds }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [import.meta.filename, JSON.stringify({ spec, concurrency, seconds })], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`load generator exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split("\n").pop()));
      } catch (error) {
        reject(new Error(`load generator printed no result: ${out.slice(0, 300)} (${error})`));
      }
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(JSON.stringify(await generateLoad(JSON.parse(process.argv[2]))));
  process.exit(0);
}
