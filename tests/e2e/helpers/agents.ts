import { spawn } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
// @ts-expect-error plain ESM helper shared with scripts/agents/install-agents.mjs
import { agentCommand, agentHome } from "../../../scripts/agents/agents.mjs";

// Runs an agent CLI (Claude Code, Codex CLI, Gemini CLI) the way a person would, with a
// throwaway HOME and no network but 1Relay: installed by `npm run test:e2e` into a cache
// directory (scripts/agents/install-agents.mjs), started with Node on the package's own entry.

export type AgentName = "claude" | "codex" | "gemini";

export interface AgentRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, as the person sees them. */
  output: string;
  ms: number;
}

/** Telemetry, update checks and other calls home stay off in every run. */
const QUIET_ENV = { DISABLE_TELEMETRY: "1", DISABLE_AUTOUPDATER: "1", CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1", DISABLE_ERROR_REPORTING: "1", NO_COLOR: "1" };

export async function runAgent({ name, args, env, timeoutMs = 90_000 }: { name: AgentName; args: string[]; env: Record<string, string>; timeoutMs?: number }): Promise<AgentRun> {
  const home = agentHome(name) as string;
  mkdirSync(home, { recursive: true });
  const { cmd, args: entry } = agentCommand(name) as { cmd: string; args: string[] };
  const started = Date.now();
  try {
    return await new Promise<AgentRun>((resolve, reject) => {
      const child = spawn(cmd, [...entry, ...args], {
        cwd: home,
        // Only what the agent needs: no inherited keys or proxies from the test runner's environment.
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, TMPDIR: home, ...QUIET_ENV, ...env } as unknown as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
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
    rmSync(home, { recursive: true, force: true });
  }
}
