// The `1relay` command: log in by device authorization, give agents the environment that sends
// them through 1Relay, show this token's status, log out. See packages/cli/README.md.
import { parseArgs } from "./args.js";
import { env } from "./commands/env.js";
import { login } from "./commands/login.js";
import { logout } from "./commands/logout.js";
import { run } from "./commands/run.js";
import { status } from "./commands/status.js";
import { token } from "./commands/token.js";
import { CliError, usageError } from "./errors.js";
import { line, VERSION, type CliIo } from "./io.js";

export const HELP = `1relay ${VERSION}: give coding agents their own 1Relay token, from a terminal.

Usage:
  1relay login [--url URL] [--scope "openai anthropic"] [--budget USD] [--rpm N] [--name NAME]
      Connect this terminal: prints a URL and a code to approve in your browser, then saves
      the token in a file only you can read (~/.config/1relay/credentials.json).
  1relay run [--agent claude|codex|gemini|openai] -- <command> [args…]
      Run an agent through 1Relay: 1relay run -- claude, 1relay run -- codex exec "…"
  1relay env claude|codex|gemini|openai [--reveal] [--toml]
      Print the environment for that agent: eval "$(1relay env claude)"
  1relay status [--json]      This token's budget, spend this month, rate limit and status.
  1relay token [--show]       Print the token for another program: "$(1relay token)".
  1relay logout [--force]     Revoke the token and delete the file.

The 1Relay address comes from --url, else ONERELAY_URL, else your last login.
`;

const COMMANDS = {
  login: { run: login, valued: ["url", "scope", "budget", "rpm", "name"], flags: [] },
  logout: { run: logout, valued: [], flags: ["force"] },
  status: { run: status, valued: [], flags: ["json"] },
  env: { run: env, valued: [], flags: ["reveal", "toml"] },
  token: { run: token, valued: [], flags: ["show"] },
  run: { run, valued: ["agent"], flags: [] },
} as const;

/** Runs one command; returns the exit code. Errors are one line on stderr, never a stack or a secret. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === "help" || name === "--help" || name === "-h") {
      io.stdout.write(HELP);
      return name === undefined ? 2 : 0;
    }
    if (name === "--version" || name === "-v" || name === "version") {
      line(io.stdout, VERSION);
      return 0;
    }
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name as keyof typeof COMMANDS] : undefined;
    if (!command) throw usageError(`Unknown command "${name}".`);
    const args = parseArgs({ argv: rest, valued: command.valued, flags: command.flags });
    if (args.options.help) {
      io.stdout.write(HELP);
      return 0;
    }
    return await command.run(io, args);
  } catch (error) {
    const failure = error instanceof CliError ? error : new CliError(`Unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    line(io.stderr, `1relay: ${failure.message}`);
    return failure.exitCode;
  }
}
