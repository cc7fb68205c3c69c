#!/usr/bin/env node
// `npm run dev`: hot-reloading Next.js (next dev, port PORT or 3000) with the local D1
// and, through a small second worker, the local Durable Objects (next dev cannot
// host Durable Object classes itself: see wrangler.jsonc, env "dev").
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, ...offlineEnv };
const bin = (name) => path.join(root, "node_modules/.bin", name);
const port = process.env.PORT ?? "3000";

// next dev reads its bindings with wrangler's "dev" environment, which prefers .dev.vars.dev:
// the same settings, with PUBLIC_URL (emailed links, `iss`) at this server's origin.
const devVars = readFileSync(path.join(root, ".dev.vars"), "utf8").replace(/^PUBLIC_URL=.*$/m, "").trimEnd();
writeFileSync(path.join(root, ".dev.vars.dev"), `${devVars}\nPUBLIC_URL=${process.env.PUBLIC_URL ?? `http://localhost:${port}`}\n`, { mode: 0o600 });

const children = [
  spawn(bin("wrangler"), ["dev", "-c", "workers/wrangler.dev-host.jsonc", "--port", "0", "--inspector-port", "0", "--show-interactive-dev-session=false"], { cwd: root, stdio: "inherit", env }),
  spawn(bin("next"), ["dev", "-p", port], { cwd: root, stdio: "inherit", env }),
];
console.log(`1Relay dev: http://localhost:${port}`);

function stopAll(code) {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  process.exit(code);
}
for (const child of children) child.on("exit", (code) => stopAll(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stopAll(0));
