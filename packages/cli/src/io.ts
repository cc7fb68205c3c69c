/** What the CLI touches outside itself, so tests can hand it a fake world. */
export interface CliIo {
  env: Record<string, string | undefined>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  fetch: typeof fetch;
  /** Waits between polls (tests pass a fast one). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  platform: string;
  homedir: string;
  hostname: string;
  /** How to run this CLI again (node and the script), for `$(… token)` in printed environments. */
  self: string[];
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  now(): number;
}

export const VERSION = "0.1.0";

export function userAgent(io: CliIo): string {
  return `1relay-cli/${VERSION} (node ${process.versions.node}; ${io.platform})`;
}

/** Control characters (ANSI escapes among them) other than tab and newline: text from a server never reaches the terminal raw. */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export const line = (stream: { write(text: string): unknown }, text = "") => void stream.write(`${text.replace(CONTROLS, "?")}\n`);
