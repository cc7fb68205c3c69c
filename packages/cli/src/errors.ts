/** A failure the CLI reports in one line (never with a stack, never with a secret) and exits with. */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 1) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}

/** A mistake in how the command was typed: exit code 2. */
export const usageError = (message: string) => new CliError(`${message}\nRun \`1relay help\` for the commands.`, 2);

/** Why a request did not reach the server, in words (Node's fetch hides the reason in error.cause). */
export function describeNetworkFailure({ url, error }: { url: string; error: unknown }): string {
  const host = new URL(url).host;
  const codes: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 5; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") codes.push(code);
    e = (e as { cause?: unknown }).cause;
  }
  const code = codes.find((c) => /^E[A-Z_]+$/.test(c)) ?? codes.find((c) => c.startsWith("UND_ERR")) ?? "";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return `Could not find ${host}: the name does not resolve. Check the address (--url) and your network connection.`;
  if (code === "ECONNREFUSED") return `Could not reach 1Relay at ${host}: the connection was refused. Check the address (--url) and that the server is running.`;
  if (code === "ENETUNREACH" || code === "EHOSTUNREACH" || code === "ENETDOWN") return `No network: ${host} cannot be reached from this computer. Check your connection.`;
  if (code === "ETIMEDOUT" || code === "UND_ERR_CONNECT_TIMEOUT") return `Timed out reaching ${host}. Check your connection, or try again.`;
  if (code.startsWith("ERR_TLS") || code === "CERT_HAS_EXPIRED" || code === "DEPTH_ZERO_SELF_SIGNED_CERT" || codes.some((c) => c.includes("CERT"))) return `The TLS certificate of ${host} was refused. Check the address (--url).`;
  return `Could not reach 1Relay at ${host}${code ? ` (${code})` : ""}. Check the address (--url) and your network connection.`;
}
