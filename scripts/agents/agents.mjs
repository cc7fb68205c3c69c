// The agent CLIs the browser tests run through 1Relay: pinned versions, where they are installed
// (scripts/agents/install-agents.mjs) and how each is started. Plain ESM, shared by the install
// script and the specs (tests/e2e/helpers/agents.ts).
import os from "node:os";
import path from "node:path";

export const AGENT_PINS = {
  "@anthropic-ai/claude-code": "2.1.332",
  "@openai/codex": "0.171.0",
  "@google/gemini-cli": "0.61.0",
};

const root = path.resolve(import.meta.dirname, "../..");

/** Where the agents live: AGENTS_DIR, else node_modules/.cache/1relay-agents (gone with node_modules). */
export function agentsDir() {
  return process.env.AGENTS_DIR ? path.resolve(process.env.AGENTS_DIR) : path.join(root, "node_modules/.cache/1relay-agents");
}

/**
 * How to start each agent: Node runs the package's own entry (no install scripts are needed, and
 * the bin links are not relied on). `home` is a throwaway HOME each run gets.
 */
export function agentCommand(name) {
  const modules = path.join(agentsDir(), "node_modules");
  const entries = {
    claude: path.join(modules, "@anthropic-ai/claude-code/cli-wrapper.cjs"),
    codex: path.join(modules, "@openai/codex/bin/codex.js"),
    gemini: path.join(modules, "@google/gemini-cli/bundle/gemini.js"),
  };
  const entry = entries[name];
  if (!entry) throw new TypeError(`unknown agent ${name}`);
  return { cmd: process.execPath, args: [entry] };
}

/** A fresh throwaway home directory for one agent run. */
export function agentHome(label) {
  return path.join(os.tmpdir(), `1relay-agent-${label}-${process.pid}-${Date.now()}`);
}
