#!/usr/bin/env node
// Prints the deployable worker's upload size (and gzip size) from `wrangler deploy
// --dry-run`. Builds first unless SKIP_BUILD=1. The Workers free plan allows 3 MiB
// gzip, paid plans 10 MiB.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, ...offlineEnv };
const bin = (name) => path.join(root, "node_modules/.bin", name);

if (process.env.SKIP_BUILD !== "1") {
  const build = spawnSync(bin("opennextjs-cloudflare"), ["build"], { cwd: root, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}
const dry = spawnSync(bin("wrangler"), ["deploy", "--dry-run", "--outdir", ".wrangler/dry-run"], { cwd: root, encoding: "utf8", env });
const out = `${dry.stdout}\n${dry.stderr}`;
const match = /Total Upload:\s*([\d.]+)\s*KiB\s*\/\s*gzip:\s*([\d.]+)\s*KiB/.exec(out);
if (dry.status !== 0 || !match) {
  console.error(out);
  process.exit(dry.status || 1);
}
const [upload, gzip] = [Number(match[1]), Number(match[2])];
const mib = (kib) => (kib / 1024).toFixed(2);
console.log(`Worker bundle: ${mib(upload)} MiB, ${mib(gzip)} MiB gzip (free plan limit 3 MiB gzip, paid 10 MiB).`);
if (gzip > 10 * 1024) {
  console.error("Over the 10 MiB Workers limit: this cannot be deployed.");
  process.exit(1);
}
