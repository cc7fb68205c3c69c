// The benchmark's servers, shared by run.mjs and profile.mjs: the fake providers and the built
// worker served as `npm start` serves it (scripts/serve-worker.mjs: fresh local D1 and Durable
// Object state), then an account with a vault and tokens made over HTTP (setup.ts). The caller
// stops `children` when done.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";
import { startServer, waitForHttp } from "./processes.mjs";

export const root = path.resolve(import.meta.dirname, "../..");

/**
 * Starts everything on `port` (the worker also straight on +1, without Miniflare's entry worker;
 * fakes on +11…+13); `inspectorPort` null leaves the worker's inspector closed.
 */
export async function startBenchStack({ env, port, inspectorPort = null, log = () => {} }) {
  if (!existsSync(path.join(root, ".open-next/worker.js"))) throw new Error("No .open-next/worker.js: build first (or drop SKIP_BUILD).");
  const state = path.join(root, ".wrangler/bench-state");
  const logs = path.join(root, ".wrangler/bench-logs");
  const children = [];
  mkdirSync(logs, { recursive: true });
  rmSync(state, { recursive: true, force: true });
  const setup = spawnSync(process.execPath, [path.join(root, "scripts/setup-local.mjs"), "--persist-to", state], { cwd: root, encoding: "utf8", env });
  if (setup.status !== 0) throw new Error(`setup-local failed:\n${setup.stdout}\n${setup.stderr}`);

  log("starting the fake providers and the worker…");
  const fakePorts = { openai: port + 11, anthropic: port + 12, gemini: port + 13 };
  const fakes = await startServer({
    name: "fakes",
    cmd: process.execPath,
    args: [path.join(root, "tests/fakes/serve.mjs")],
    cwd: root,
    env: { ...env, FAKE_OPENAI_PORT: String(fakePorts.openai), FAKE_ANTHROPIC_PORT: String(fakePorts.anthropic), FAKE_GEMINI_PORT: String(fakePorts.gemini), FAKE_EXIT_ON_STDIN_END: "1" },
    logFile: path.join(logs, "fakes.log"),
    ready: (line) => (line.startsWith("{") ? JSON.parse(line) : undefined),
  });
  children.push(fakes.child);
  const fakeUrls = fakes.value;

  const serveArgs = [
    "--port", String(port), "--ip", "127.0.0.1", "--persist-to", state, "--direct-port", String(port + 1),
    ...(inspectorPort === null ? [] : ["--inspector-port", String(inspectorPort)]),
    "--var", "SIGNIN_EMAILS_PER_IP:100000", "--var", "SIGNIN_VERIFY_PER_IP:100000", "--var", `PUBLIC_URL:http://127.0.0.1:${port}`,
    "--var", `OPENAI_BASE_URL:${fakeUrls.openai}/v1`, "--var", `ANTHROPIC_BASE_URL:${fakeUrls.anthropic}`, "--var", `GEMINI_BASE_URL:${fakeUrls.gemini}`,
  ];
  const relay = await startServer({
    name: "the worker (scripts/serve-worker.mjs)",
    cmd: process.execPath,
    args: [path.join(root, "scripts/serve-worker.mjs"), ...serveArgs],
    cwd: root,
    env,
    logFile: path.join(logs, "worker.log"),
    ready: (line) => (line.startsWith("1Relay: ready at") ? line : undefined),
  });
  children.push(relay.child);
  const base = `http://127.0.0.1:${port}`;
  await waitForHttp(`${base}/v1/health`);

  log("making the account, vault and tokens…");
  const bundled = await build({ entryPoints: [path.join(root, "scripts/bench/setup.ts")], bundle: true, platform: "node", format: "esm", write: false, logLevel: "silent" });
  const { makeBenchTokens } = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString("base64")}`);
  const tokens = await makeBenchTokens({ base: `http://localhost:${port}` });
  return { base, directBase: `http://127.0.0.1:${port + 1}`, fakeUrls, tokens, relay: relay.child, bundleDir: path.join(root, ".wrangler/serve-bundle"), logs, children };
}

/** The benchmark's chat request (a 20-word prompt, a short answer). */
export const benchPrompt = "Benchmark prompt: please repeat these twenty words back so that the reply has a realistic handful of tokens in it.";
export const benchBody = { model: "gpt-4o-mini", messages: [{ role: "user", content: benchPrompt }], max_tokens: 64 };
