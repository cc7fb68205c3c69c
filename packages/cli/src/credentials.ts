// Where `1relay login` keeps the token: one JSON file only its user can read (mode 0600, in a
// 0700 directory), under $XDG_CONFIG_HOME/1relay (default ~/.config/1relay; %APPDATA%\1relay on
// Windows). Written whole or not at all (a temporary file renamed over the old one). A file other
// users could read is refused, as ssh refuses such a key. The token is never printed from here.
import { randomBytes } from "node:crypto";
import { chmod, mkdir, open, readFile, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { CliError } from "./errors.js";
import type { CliIo } from "./io.js";

export interface Credentials {
  version: 1;
  /** The 1Relay origin the token belongs to. */
  url: string;
  clientId: string;
  connectionId: string;
  token: string;
  scope: string;
  savedAt: string;
}

const TOKEN_SYNTAX = /^1r_[0-9A-Za-z]{71}$/;

export function credentialsPath(io: Pick<CliIo, "env" | "platform" | "homedir">): string {
  if (io.platform === "win32") return path.join(io.env.APPDATA ?? path.join(io.homedir, "AppData", "Roaming"), "1relay", "credentials.json");
  const xdg = io.env.XDG_CONFIG_HOME;
  const base = xdg && path.isAbsolute(xdg) ? xdg : path.join(io.homedir, ".config");
  return path.join(base, "1relay", "credentials.json");
}

function parseCredentials(text: string, file: string): Credentials {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new CliError(`${file} is not valid JSON. Remove it and run \`1relay login\` again.`);
  }
  const c = value as Partial<Credentials>;
  const ok = c && c.version === 1 && typeof c.url === "string" && typeof c.clientId === "string" && typeof c.connectionId === "string" && typeof c.scope === "string" && typeof c.token === "string" && TOKEN_SYNTAX.test(c.token);
  if (!ok) throw new CliError(`${file} is not a 1relay credentials file. Remove it and run \`1relay login\` again.`);
  return c as Credentials;
}

/** The saved login, or null when there is none. */
export async function readCredentials(io: Pick<CliIo, "env" | "platform" | "homedir">): Promise<Credentials | null> {
  const file = credentialsPath(io);
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
  if (io.platform !== "win32") {
    if ((info.mode & 0o077) !== 0) throw new CliError(`${file} can be read by other users (mode ${(info.mode & 0o777).toString(8).padStart(4, "0")}). Run: chmod 600 "${file}"`);
    if (typeof process.getuid === "function" && info.uid !== process.getuid()) throw new CliError(`${file} belongs to another user. Remove it and run \`1relay login\` again.`);
  }
  return parseCredentials(await readFile(file, "utf8"), file);
}

/** The saved login, or a clear error telling how to make one. */
export async function requireCredentials(io: Pick<CliIo, "env" | "platform" | "homedir">): Promise<Credentials> {
  const saved = await readCredentials(io);
  if (!saved) throw new CliError("Not logged in. Run `1relay login --url <your 1Relay>` first.");
  return saved;
}

export async function writeCredentials(io: Pick<CliIo, "env" | "platform" | "homedir">, credentials: Credentials): Promise<string> {
  const file = credentialsPath(io);
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (io.platform !== "win32") await chmod(dir, 0o700);
  const temporary = path.join(dir, `.credentials.${process.pid}.${randomBytes(6).toString("hex")}.tmp`);
  const handle = await open(temporary, "wx", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(credentials, null, 2)}\n`, "utf8");
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    if (io.platform !== "win32") await chmod(temporary, 0o600);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return file;
}

export async function deleteCredentials(io: Pick<CliIo, "env" | "platform" | "homedir">): Promise<void> {
  await rm(credentialsPath(io), { force: true });
}
