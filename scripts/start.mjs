#!/usr/bin/env node
// `npm start`: the embedded local default. Sets up (.dev.vars, local D1 migrations),
// builds the app with OpenNext and serves the built worker in workerd with local D1
// and Durable Objects at http://localhost:PORT (default 8787). SKIP_BUILD=1 reuses the build.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const env = { ...process.env, ...offlineEnv };
const bin = (name) => path.join(root, "node_modules/.bin", name);
const port = process.env.PORT ?? "8787";

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

run(process.execPath, [path.join(root, "scripts/setup-local.mjs")]);
if (process.env.SKIP_BUILD !== "1") run(bin("opennextjs-cloudflare"), ["build"]);
console.log(`\n1Relay: serving the built worker at http://localhost:${port} (local D1 and Durable Objects; emails at /dev/mailbox)\n`);
// Emailed links and `iss` are built from PUBLIC_URL: this server's own origin.
const publicUrl = process.env.PUBLIC_URL ?? `http://localhost:${port}`;
const server = spawn(bin("wrangler"), ["dev", "--port", port, "--show-interactive-dev-session=false", "--var", `PUBLIC_URL:${publicUrl}`], { cwd: root, stdio: "inherit", env });
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
