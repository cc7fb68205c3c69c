import { spawn } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
// @ts-expect-error plain ESM helper shared with scripts/agents/install-agents.mjs
import { agentCommand, agentHome } from "../../../scripts/agents/agents.mjs";

// Runs an agent CLI (installed by `npm run test:e2e`, scripts/agents/) in a throwaway home, with
// nothing on stdin, and collects what it printed. The home is removed afterwards.

export interface AgentRun {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Both, for messages an agent may print on either. */
  output: string;
  ms: number;
}

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

export function runAgent({ name, args, env, cwd, timeoutMs = 90_000 }: { name: "codex" | "gemini" | "claude"; args: string[]; env: Record<string, string>; cwd: string; timeoutMs?: number }): Promise<AgentRun> {
  const { cmd, args: entry } = agentCommand(name) as { cmd: string; args: string[] };
  const started = Date.now();
  return new Promise((resolve) => {
    // A minimal environment: nothing of the developer's own (keys, proxies, configs) leaks in.
    const childEnv = { PATH: process.env.PATH ?? "", TERM: "dumb", NO_COLOR: "1", ...env } as unknown as NodeJS.ProcessEnv;
    const child = spawn(cmd, [...entry, ...args], { cwd, env: childEnv, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += String(d)));
    child.stderr.on("data", (d: Buffer) => (stderr += String(d)));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, "SIGKILL");
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, output: `${stdout}\n${stderr}`, ms: Date.now() - started });
    });
  });
}
