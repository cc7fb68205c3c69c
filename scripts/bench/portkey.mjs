// The peer gateway for the side-by-side benchmark: Portkey's open-source gateway, installed by
// the bench into a cache directory (never a project dependency) with the versions of its own
// lockfile pinned (unpinned, @hono/node-server 1.19 makes every streamed answer a 500), started
// headless in its own process group and pointed at the same fake OpenAI through its headers.
// BENCH_CACHE_DIR (default node_modules/.cache/1relay-bench) holds the install.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const portkeyVersions = {
  gateway: "1.15.2",
  overrides: { "@hono/node-server": "1.13.5", hono: "4.9.7", "@hono/node-ws": "1.2.0" },
};

function installedVersion(dir, name) {
  try {
    return JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")).version;
  } catch {
    return null;
  }
}

/** Installs (once) and returns the path of Portkey's start-server.js. */
export function installPortkey({ root, log = () => {} }) {
  const cache = path.resolve(root, process.env.BENCH_CACHE_DIR ?? "node_modules/.cache/1relay-bench");
  const dir = path.join(cache, `portkey-gateway-${portkeyVersions.gateway}`);
  const wanted = { "@portkey-ai/gateway": portkeyVersions.gateway, ...portkeyVersions.overrides };
  const ready = Object.entries(wanted).every(([name, version]) => installedVersion(dir, name) === version);
  if (!ready) {
    log(`installing Portkey's gateway ${portkeyVersions.gateway} into ${path.relative(root, dir)} (pinned: ${Object.entries(portkeyVersions.overrides).map(([n, v]) => `${n} ${v}`).join(", ")})…`);
    mkdirSync(dir, { recursive: true });
    const pkg = { name: "1relay-bench-portkey", private: true, dependencies: { "@portkey-ai/gateway": portkeyVersions.gateway }, overrides: portkeyVersions.overrides };
    writeFileSync(path.join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);
    const npm = spawnSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], { cwd: dir, encoding: "utf8" });
    if (npm.status !== 0) throw new Error(`installing Portkey's gateway failed (npm install in ${dir}):\n${npm.stdout}${npm.stderr}${npm.error ?? ""}`);
    for (const [name, version] of Object.entries(wanted)) {
      const got = installedVersion(dir, name);
      if (got !== version) throw new Error(`Portkey install: ${name} is ${got ?? "missing"}, wanted ${version}`);
    }
  }
  const server = path.join(dir, "node_modules/@portkey-ai/gateway/build/start-server.js");
  if (!existsSync(server)) throw new Error(`Portkey install: ${server} is missing`);
  return server;
}

/** Headers that make Portkey forward an OpenAI request to `upstreamBase` (e.g. http://127.0.0.1:PORT/v1). */
export function portkeyHeaders({ upstreamBase, apiKey }) {
  return { "x-portkey-provider": "openai", "x-portkey-custom-host": upstreamBase, authorization: `Bearer ${apiKey}` };
}

/** Starts Portkey in its own process group; resolves to { child, base, stop } once it answers. */
export async function startPortkey({ server, port, logFile, timeoutMs = 60_000 }) {
  const out = openSync(logFile, "a");
  const child = spawn(process.execPath, [server, `--port=${port}`, "--headless"], { cwd: path.dirname(server), stdio: ["ignore", out, out], detached: true });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portkey exited with ${child.exitCode} (log: ${logFile})`);
    const up = await fetch(`${base}/`).then((r) => r.status > 0, () => false);
    if (up) return { child, base, stop };
    if (Date.now() > deadline) {
      stop();
      throw new Error(`Portkey did not answer in ${timeoutMs} ms (log: ${logFile})`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
