#!/usr/bin/env node
// Serves the built worker for the browser tests the way `npm start` does (scripts/serve-worker.mjs),
// on a fresh local D1 / Durable Object state: E2E_STATE (default .wrangler/e2e-state), E2E_PORT (8799).
// Extra arguments (e.g. --var EMAIL_TRANSPORT:http) are passed through.
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";
import { runWorkerServer } from "./serve-worker.mjs";

const root = path.resolve(import.meta.dirname, "..");
const state = path.resolve(root, process.env.E2E_STATE ?? ".wrangler/e2e-state");
const port = process.env.E2E_PORT ?? "8799";
Object.assign(process.env, offlineEnv);

rmSync(state, { recursive: true, force: true });
const setup = spawnSync(process.execPath, [path.join(root, "scripts/setup-local.mjs"), "--persist-to", state], { cwd: root, stdio: "inherit", env: process.env });
if (setup.status !== 0) process.exit(setup.status ?? 1);

await runWorkerServer({
  argv: [
    "--port", port, "--ip", "127.0.0.1", "--persist-to", state,
    // The whole suite signs up many people and connects many apps from one address: lift the
    // per-IP limits (tests check them on a server of their own), unless the caller sets them.
    "--var", "SIGNIN_EMAILS_PER_IP:100000", "--var", "SIGNIN_VERIFY_PER_IP:100000", "--var", "AUTHORIZE_REQUESTS_PER_IP:100000",
    "--var", "DEVICE_REQUESTS_PER_IP:100000", "--var", "DEVICE_CODE_ENTRIES_PER_IP:100000",
    // Emailed links and `iss` come from PUBLIC_URL: this server's own origin.
    "--var", `PUBLIC_URL:http://localhost:${port}`,
    // Provider base URLs (OPENAI_BASE_URL, GROQ_BASE_URL…) for the fake providers, when the caller names them.
    ...Object.keys(process.env).filter((name) => /^[A-Z]+_BASE_URL$/.test(name)).flatMap((name) => ["--var", `${name}:${process.env[name]}`]),
    ...process.argv.slice(2),
  ],
});
