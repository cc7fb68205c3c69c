#!/usr/bin/env node
// Starts the three fake providers and prints one JSON line {"openai":url,"anthropic":url,"gemini":url}.
// Ports from FAKE_OPENAI_PORT, FAKE_ANTHROPIC_PORT, FAKE_GEMINI_PORT (default 0: free ports);
// FAKE_OPENAI_KEY, FAKE_ANTHROPIC_KEY, FAKE_GEMINI_KEY make a fake accept only that key.
// Runs on Node >= 22.18 (type stripping on by default): `npx node tests/fakes/serve.mjs`.
// Stops on SIGINT / SIGTERM; with FAKE_EXIT_ON_STDIN_END=1 also when stdin closes (so a parent
// that spawned it with a pipe can end it just by exiting). GET <url>/__fake/health answers 200.
import nodeModule from "node:module";

if (typeof nodeModule.registerHooks !== "function" || !process.features.typescript) {
  console.error(`serve.mjs needs Node >= 22.18 (this is ${process.version}); run it as \`npx node tests/fakes/serve.mjs\`.`);
  process.exit(1);
}

// The fakes are TypeScript with extension-less relative imports (as the bundler resolution of
// tsconfig wants); resolve those to the .ts file so plain Node can load them.
nodeModule.registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier.startsWith(".") && !/\.[cm]?[jt]s$/.test(specifier) && context.parentURL?.endsWith(".ts")) {
      return nextResolve(`${specifier}.ts`, context);
    }
    return nextResolve(specifier, context);
  },
});

const { startFakeProviders } = await import("./index.ts");

const port = (name) => Number(process.env[name] ?? 0);
const key = (name) => process.env[name] || undefined;
const fakes = await startFakeProviders({
  openai: { port: port("FAKE_OPENAI_PORT"), expectedKey: key("FAKE_OPENAI_KEY") },
  anthropic: { port: port("FAKE_ANTHROPIC_PORT"), expectedKey: key("FAKE_ANTHROPIC_KEY") },
  gemini: { port: port("FAKE_GEMINI_PORT"), expectedKey: key("FAKE_GEMINI_KEY") },
});

process.stdout.write(`${JSON.stringify({ openai: fakes.openai.url, anthropic: fakes.anthropic.url, gemini: fakes.gemini.url })}\n`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await fakes.close();
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
if (process.env.FAKE_EXIT_ON_STDIN_END === "1") {
  process.stdin.on("end", stop);
  process.stdin.resume();
}
