import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";

// Starts another instance of the built worker with different settings (--var NAME:VALUE),
// on its own port and local state, and collects what it logs.

export interface SecondServer {
  baseURL: string;
  log: () => string;
  stop: () => Promise<void>;
}

/** A port for a second server, at a fixed offset from this run's E2E_PORT, so suites run side by side in other checkouts. */
export function secondServerPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 8799) + offset;
}

export async function startSecondServer({ port, vars }: { port: number; vars: Record<string, string> }): Promise<SecondServer> {
  const root = path.resolve(import.meta.dirname, "../../..");
  // A server left over from another run on this port would answer in its place: refuse to start.
  const stale = await fetch(`http://localhost:${port}/`).then(() => true, () => false);
  if (stale) throw new Error(`port ${port} is already in use (a leftover server?): stop it first`);
  let output = "";
  const child: ChildProcess = spawn(
    process.execPath,
    [path.join(root, "scripts/serve-e2e.mjs"), ...Object.entries(vars).flatMap(([k, v]) => ["--var", `${k}:${v}`])],
    { cwd: root, env: { ...process.env, E2E_PORT: String(port), E2E_STATE: `.wrangler/e2e-state-${port}` }, stdio: ["ignore", "pipe", "pipe"], detached: true },
  );
  child.stdout!.on("data", (d) => (output += String(d)));
  child.stderr!.on("data", (d) => (output += String(d)));
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) break;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`second server exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`second server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    baseURL,
    log: () => output,
    stop: async () => {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
      await new Promise((r) => child.once("exit", r));
    },
  };
}
