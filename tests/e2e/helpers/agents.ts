import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error plain ESM helper shared with scripts/agents/install-agents.mjs
import { agentCommand, agentHome } from "../../../scripts/agents/agents.mjs";

// Runs an agent CLI (Claude Code, Codex CLI, Gemini CLI) the way a person would, with a
// throwaway HOME and no network but 1Relay: installed by `npm run test:e2e` into a cache
// directory (scripts/agents/install-agents.mjs), started with Node on the package's own entry,
// nothing on stdin, and a minimal environment (nothing of the developer's own keys, proxies or
// configs leaks in).

export type AgentName = "claude" | "codex" | "gemini";

export interface AgentRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as the person sees them. */
  output: string;
  ms: number;
}

/** A home kept across runs (for config files an agent reads); removed by the caller. */
export interface AgentHome {
  home: string;
  work: string;
  /** Writes a file under the home (config.toml, settings.json…). */
  write(relative: string, text: string): void;
  remove(): void;
}

export function makeAgentHome(label: string): AgentHome {
  const home: string = agentHome(label);
  const work = path.join(home, "work");
  mkdirSync(work, { recursive: true });
  return {
    home,
    work,
    write(relative, text) {
      const file = path.join(home, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    },
    remove: () => rmSync(home, { recursive: true, force: true }),
  };
}

/** Telemetry, update checks and other calls home stay off in every run. */
const QUIET_ENV = { DISABLE_TELEMETRY: "1", DISABLE_AUTOUPDATER: "1", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_ERROR_REPORTING: "1", NO_COLOR: "1", TERM: "dumb" };

/**
 * Runs the agent and collects what it printed. Without `home`, in a throwaway home made and
 * removed here (HOME and TMPDIR point at it); with one, in its work directory (`env` says HOME).
 */
export async function runAgent({ name, args, env, home, timeoutMs = 90_000 }: { name: AgentName; args: string[]; env: Record<string, string>; home?: AgentHome; timeoutMs?: number }): Promise<AgentRun> {
  const throwaway = home ? null : makeAgentHome(name);
  const cwd = (home ?? throwaway)!.work;
  const homeEnv = throwaway ? { HOME: throwaway.home, TMPDIR: throwaway.home } : {};
  const { cmd, args: entry } = agentCommand(name) as { cmd: string; args: string[] };
  const started = Date.now();
  try {
    return await new Promise<AgentRun>((resolve, reject) => {
      const child = spawn(cmd, [...entry, ...args], {
        cwd,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", ...QUIET_ENV, ...homeEnv, ...env } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
        // Its own process group, so a timeout stops the tools it started too.
        detached: true,
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const timer = setTimeout(() => {
        if (child.pid) process.kill(-child.pid, "SIGKILL");
        reject(new Error(`${name} did not finish within ${timeoutMs} ms:\n${stdout}\n${stderr}`));
      }, timeoutMs);
      child.on("error", (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, ms: Date.now() - started });
      });
    });
  } finally {
    throwaway?.remove();
  }
}
