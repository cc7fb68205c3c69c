import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, type Page } from "@playwright/test";
import { answerConsent } from "./connect-flow";

// The built `1relay` CLI (packages/cli/dist, built by `npm run test:e2e`), run as a person runs it:
// a child process with its own HOME and config directory, on the machine's own Node when that is
// Node 20 (the oldest the package supports), else on the test runner's.

const root = path.resolve(import.meta.dirname, "../../..");
export const CLI_PATH = path.join(root, "packages/cli/dist/1relay.js");

/** The oldest Node the CLI supports, if the machine has it (/usr/bin/node here is 20). */
export const CLI_NODE = (() => {
  for (const candidate of ["/usr/bin/node", "/usr/local/bin/node"]) {
    if (!existsSync(candidate)) continue;
    const version = spawnSync(candidate, ["--version"], { encoding: "utf8" }).stdout.trim();
    if (/^v(2[0-9]|[3-9][0-9])\./.test(version)) return candidate;
  }
  return process.execPath;
})();

export interface CliHome {
  home: string;
  configDir: string;
  credentialsFile: string;
  env: Record<string, string>;
}

/** A throwaway HOME for one CLI user. */
export function newCliHome(label: string): CliHome {
  const home = mkdtempSync(path.join(os.tmpdir(), `1relay-e2e-${label}-`));
  const configDir = path.join(home, ".config");
  return {
    home,
    configDir,
    credentialsFile: path.join(configDir, "1relay", "credentials.json"),
    env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: home, XDG_CONFIG_HOME: configDir, LANG: "C.UTF-8" },
  };
}

export interface CliRun {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  /** Resolves when stdout matches. */
  waitForOutput: (pattern: RegExp, timeoutMs?: number) => Promise<RegExpMatchArray>;
  exit: Promise<number>;
}

export function startCli({ args, home, env = {} }: { args: string[]; home: CliHome; env?: Record<string, string> }): CliRun {
  if (!existsSync(CLI_PATH)) throw new Error(`${CLI_PATH} is missing: run \`npm run build:packages\` (npm run test:e2e does)`);
  const child = spawn(CLI_NODE, [CLI_PATH, ...args], { env: { ...home.env, ...env } as NodeJS.ProcessEnv, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout!.on("data", (d) => (out += String(d)));
  child.stderr!.on("data", (d) => (err += String(d)));
  const exit = new Promise<number>((resolve) => child.once("exit", (code, signal) => resolve(code ?? (signal ? 128 : 1))));
  const waitForOutput = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = out.match(pattern);
      if (match) return match;
      if (child.exitCode !== null) throw new Error(`the CLI exited (${child.exitCode}) before printing ${pattern}:\n${out}\n${err}`);
      if (Date.now() > deadline) throw new Error(`the CLI did not print ${pattern}:\n${out}\n${err}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  return { child, stdout: () => out, stderr: () => err, waitForOutput, exit };
}

/** Runs one CLI command to its end. */
export async function runCli({ args, home, env }: { args: string[]; home: CliHome; env?: Record<string, string> }): Promise<{ code: number; stdout: string; stderr: string }> {
  const run = startCli({ args, home, env });
  const code = await run.exit;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

/** What `1relay login` prints: the page to open and the code to type. */
export async function readLoginPrompt(run: CliRun): Promise<{ verificationUri: string; userCode: string }> {
  const [, verificationUri] = await run.waitForOutput(/open\n {2}(\S+)\n/);
  const [, userCode] = await run.waitForOutput(/enter the code\n {2}([B-Z]{4}-[B-Z]{4})\n/);
  return { verificationUri: verificationUri!, userCode: userCode! };
}

/** On /device: type the code and continue to the request's page. */
export async function enterDeviceCode(page: Page, { verificationUri, userCode }: { verificationUri: string; userCode: string }): Promise<void> {
  await page.goto(verificationUri);
  await page.getByLabel("Code", { exact: true }).fill(userCode.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("device-user-code")).toHaveText(userCode);
}

/** After "Yes, it's mine": the consent page's own steps (unlock, limits), then approve. */
export async function approveOnConsentPage(page: Page, { password, budget, rpm }: { password: string; budget?: string; rpm?: string }): Promise<void> {
  await answerConsent(page, { password, formName: "Authorize this program", suggested: budget !== undefined && rpm !== undefined ? { budget, rpm } : undefined });
  await expect(page.getByRole("status").filter({ hasText: "Approved" })).toContainText("Approved. Go back to your terminal");
}

/** `1relay login` approved in the browser by a signed-in person: ends with the CLI's exit code 0. */
export async function loginThroughBrowser({ page, baseURL, home, password, args = [] }: { page: Page; baseURL: string; home: CliHome; password: string; args?: string[] }): Promise<CliRun> {
  const login = startCli({ args: ["login", "--url", baseURL, ...args], home });
  await enterDeviceCode(page, await readLoginPrompt(login));
  await page.getByRole("button", { name: "Yes, it’s mine: continue" }).click();
  await approveOnConsentPage(page, { password });
  expect(await login.exit).toBe(0);
  return login;
}
