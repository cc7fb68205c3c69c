// `1relay run [--agent claude|codex|gemini|openai] -- <command> [args…]`: runs the command with the
// environment that sends it through 1Relay (every agent's variables, the person's own provider keys
// removed). For Codex, a temporary CODEX_HOME holds a config.toml naming this 1Relay, removed
// afterwards. The token goes only into the child's environment: never its arguments, never output.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { allAgentsEnvironment, codexConfigToml, detectAgent, isAgentName, AGENTS, type AgentName } from "../agents.js";
import { stringOption, type ParsedArgs } from "../args.js";
import { requireCredentials } from "../credentials.js";
import { CliError, usageError } from "../errors.js";
import type { CliIo } from "../io.js";

/** The child's environment: this one, minus the person's own keys, plus 1Relay's. */
export function runEnvironment({ base, origin, token }: { base: Record<string, string | undefined>; origin: string; token: string }): Record<string, string> {
  const { set, unset } = allAgentsEnvironment({ origin, token });
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(base)) if (value !== undefined && !unset.includes(name)) env[name] = value;
  return { ...env, ...set };
}

const SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

export async function run(io: CliIo, args: ParsedArgs): Promise<number> {
  const command = args.rest ?? args.positionals;
  if (command.length === 0) throw usageError("Give the command to run after --, as in: 1relay run -- claude");
  const forced = stringOption(args, "agent");
  if (forced !== undefined && !isAgentName(forced)) throw usageError(`--agent must be one of ${AGENTS.join(", ")}.`);
  const agent: AgentName | null = (forced as AgentName | undefined) ?? detectAgent(command);
  const saved = await requireCredentials(io);
  const env = runEnvironment({ base: io.env, origin: saved.url, token: saved.token });
  let codexHome: string | null = null;
  if (agent === "codex") {
    codexHome = await mkdtemp(path.join(os.tmpdir(), "1relay-codex-"));
    await writeFile(path.join(codexHome, "config.toml"), codexConfigToml({ origin: saved.url }), { mode: 0o600 });
    env.CODEX_HOME = codexHome;
  }
  try {
    return await new Promise<number>((resolve, reject) => {
      const child = spawn(command[0]!, command.slice(1), { env: env as NodeJS.ProcessEnv, stdio: "inherit" });
      const forward = (signal: NodeJS.Signals) => child.kill(signal);
      for (const signal of SIGNALS) process.on(signal, forward);
      const done = () => SIGNALS.forEach((signal) => process.off(signal, forward));
      child.once("error", (error) => {
        done();
        const code = (error as { code?: string }).code;
        reject(new CliError(code === "ENOENT" ? `${command[0]}: command not found.` : `${command[0]} could not be started: ${error.message}`, 127));
      });
      child.once("exit", (code, signal) => {
        done();
        resolve(code ?? (signal ? 128 + (os.constants.signals[signal] ?? 1) : 1));
      });
    });
  } finally {
    if (codexHome) await rm(codexHome, { recursive: true, force: true });
  }
}
