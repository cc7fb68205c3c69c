#!/usr/bin/env node
// Installs the agent CLIs the browser tests drive through 1Relay (Claude Code, Codex CLI, Gemini
// CLI), pinned, into a cache directory of their own: never project dependencies (together they
// are ~900 MB, which a newcomer's `npm install` must not pull). Reinstalls only when the pins
// change. Prints the directory. Needs the npm registry the first time.
//   node scripts/agents/install-agents.mjs            (AGENTS_DIR overrides the directory)
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { AGENT_PINS, agentsDir } from "./agents.mjs";

const dir = agentsDir();
const stampPath = path.join(dir, "installed.json");
const wanted = JSON.stringify(AGENT_PINS);

if (existsSync(stampPath) && readFileSync(stampPath, "utf8") === wanted) {
  console.log(`[agents] ready in ${dir}`);
  process.exit(0);
}

mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "1relay-test-agents", private: true, dependencies: AGENT_PINS }, null, 2));
console.log(`[agents] installing ${Object.entries(AGENT_PINS).map(([n, v]) => `${n}@${v}`).join(", ")} into ${dir}`);
// Install scripts stay off: Claude Code runs through its cli-wrapper.cjs (its postinstall only
// copies the native binary), Codex's binary ships in an optional dependency, Gemini CLI is a bundle.
const install = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel", "error"], { cwd: dir, stdio: "inherit" });
if (install.status !== 0) {
  console.error("[agents] npm install failed (the npm registry must be reachable the first time)");
  process.exit(install.status ?? 1);
}
writeFileSync(stampPath, wanted);
console.log(`[agents] ready in ${dir}`);
