// `1relay env claude|codex|gemini|openai [--reveal] [--toml]`: prints the environment that sends
// that agent through 1Relay, as shell lines for `eval "$(1relay env claude)"`. The token itself is
// written as `$(1relay token)`, so it appears on screen only with --reveal. Codex also needs its
// config.toml entry: printed as comments, or alone with --toml.
import { agentEnvironment, codexConfigToml, GEMINI_SETTINGS, isAgentName, AGENTS } from "../agents.js";
import type { ParsedArgs } from "../args.js";
import { requireCredentials } from "../credentials.js";
import { usageError } from "../errors.js";
import { line, type CliIo } from "../io.js";

/** POSIX shell single quotes. */
export const shellQuote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

const TITLES = { claude: "Claude Code", codex: "Codex CLI", gemini: "Gemini CLI", openai: "OpenAI-compatible tools" } as const;

export async function env(io: CliIo, args: ParsedArgs): Promise<number> {
  const agent = args.positionals[0];
  if (!agent || !isAgentName(agent)) throw usageError(`Name the agent: 1relay env ${AGENTS.join("|")}`);
  const saved = await requireCredentials(io);
  const origin = saved.url;
  if (args.options.toml) {
    if (agent !== "codex") throw usageError("--toml is for codex only.");
    io.stdout.write(codexConfigToml({ origin }));
    return 0;
  }
  const tokenCommand = `"$(${[...io.self, "token"].map(shellQuote).join(" ")})"`;
  const placeholder = "\u0000token";
  const { set, unset } = agentEnvironment({ agent, origin, token: placeholder });
  line(io.stdout, `# ${TITLES[agent]} through 1Relay (${origin}). Use: eval "$(1relay env ${agent})"`);
  if (agent === "codex") {
    line(io.stdout, "# Codex reads its provider from $CODEX_HOME/config.toml (default ~/.codex/config.toml); add");
    line(io.stdout, "# (or print it alone with: 1relay env codex --toml):");
    for (const row of codexConfigToml({ origin }).trimEnd().split("\n")) line(io.stdout, row === "" ? "#" : `#   ${row}`);
    line(io.stdout, "# `1relay run -- codex …` does all of this in a temporary CODEX_HOME.");
  }
  if (agent === "gemini") line(io.stdout, `# Gemini CLI also needs, in ~/.gemini/settings.json: ${JSON.stringify(GEMINI_SETTINGS)}`);
  for (const [name, value] of Object.entries(set)) {
    const isToken = value === placeholder;
    line(io.stdout, `export ${name}=${isToken ? (args.options.reveal ? shellQuote(saved.token) : tokenCommand) : shellQuote(value)}`);
  }
  for (const name of unset) line(io.stdout, `unset ${name}`);
  return 0;
}
