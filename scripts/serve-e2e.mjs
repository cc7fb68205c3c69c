#!/usr/bin/env node
// Serves the OpenNext-built worker in workerd for the browser tests, on a fresh local
// D1 / Durable Object state: E2E_STATE (default .wrangler/e2e-state), E2E_PORT (8799).
// Extra wrangler arguments (e.g. --var EMAIL_TRANSPORT:http) are passed through.
import { spawn, spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const state = path.resolve(root, process.env.E2E_STATE ?? ".wrangler/e2e-state");
const port = process.env.E2E_PORT ?? "8799";
const env = { ...process.env, ...offlineEnv };

rmSync(state, { recursive: true, force: true });
const setup = spawnSync(process.execPath, [path.join(root, "scripts/setup-local.mjs"), "--persist-to", state], { cwd: root, stdio: "inherit", env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server = spawn(
  path.join(root, "node_modules/.bin/wrangler"),
  // The whole suite signs up many people and connects many apps from one address: lift the
  // per-IP limits (tests check them on a server of their own), unless the caller sets them.
  [
    "dev", "--port", port, "--ip", "127.0.0.1", "--persist-to", state, "--inspector-port", "0", "--show-interactive-dev-session=false",
    "--var", "SIGNIN_EMAILS_PER_IP:100000", "--var", "SIGNIN_VERIFY_PER_IP:100000", "--var", "AUTHORIZE_REQUESTS_PER_IP:100000",
    // Emailed links and `iss` come from PUBLIC_URL: this server's own origin.
    "--var", `PUBLIC_URL:http://localhost:${port}`,
    // Provider base URLs for the fake providers, when the caller names them.
    ...["OPENAI_BASE_URL", "ANTHROPIC_BASE_URL", "GEMINI_BASE_URL"].flatMap((name) => (process.env[name] ? ["--var", `${name}:${process.env[name]}`] : [])),
    ...process.argv.slice(2),
  ],
  { cwd: root, stdio: "inherit", env },
);
server.on("exit", (code) => process.exit(code ?? 0));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
