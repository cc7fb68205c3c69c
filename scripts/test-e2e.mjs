#!/usr/bin/env node
// Builds the worker with OpenNext and runs the Playwright suite against it in workerd.
// The build is reused when nothing it depends on changed (scripts/serve/build-inputs.ts);
// SKIP_BUILD=1 reuses whatever build there is, FORCE_BUILD=1 rebuilds.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { findChromium } from "./find-chromium.mjs";
import { offlineEnv } from "./offline-env.mjs";
import { buildIfChanged } from "./serve/reusable-build.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules/.bin", name);
const env = { ...process.env, ...offlineEnv };

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const chromium = findChromium();
console.log(`[browser] using ${chromium.source}: ${chromium.path}`);
env.CHROMIUM_PATH = chromium.path;

// The agent CLIs the agent specs drive (pinned, in a cache directory; installed once).
run(process.execPath, [path.join(root, "scripts/agents/install-agents.mjs")]);
if (process.env.SKIP_BUILD !== "1") buildIfChanged({ root, env, force: process.env.FORCE_BUILD === "1" });
// The packages the specs run as a person would (the `1relay` CLI, @1relay/connect): a few seconds.
run(process.execPath, [path.join(root, "scripts/build-packages.mjs"), "--quiet"]);
run(bin("playwright"), ["test", ...process.argv.slice(2)]);
