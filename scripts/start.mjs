#!/usr/bin/env node
// `npm start`: the embedded local default. Sets up (.dev.vars, local D1 migrations), builds the
// app with OpenNext and serves the built worker in workerd with local D1 and Durable Objects at
// http://localhost:PORT (default 8787), state in .wrangler/state. The build is reused when nothing
// it depends on changed (a hash of its inputs: scripts/serve/build-inputs.ts); FORCE_BUILD=1
// rebuilds anyway, SKIP_BUILD=1 reuses whatever build there is.
// Arguments are passed on to scripts/serve-worker.mjs (e.g. `npm start -- --inspector-port 9229`).
import { spawnSync } from "node:child_process";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";
import { buildIfChanged } from "./serve/reusable-build.mjs";
import { runWorkerServer } from "./serve-worker.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, ...offlineEnv };
Object.assign(process.env, offlineEnv);

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [path.join(root, "scripts/setup-local.mjs")]);
if (process.env.SKIP_BUILD !== "1") buildIfChanged({ root, env, force: process.env.FORCE_BUILD === "1" });
// Emailed links and `iss` are built from PUBLIC_URL: this server's own origin unless set.
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${process.env.PORT ?? "8787"}`;
await runWorkerServer({
  argv: ["--var", `PUBLIC_URL:${publicUrl}`, ...process.argv.slice(2)],
  banner: (url) => `\n1Relay: serving the built worker at ${url} (local D1 and Durable Objects; emails at ${url}/dev/mailbox). Ctrl-C stops it.\n`,
});
