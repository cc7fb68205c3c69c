#!/usr/bin/env node
// Starts the fake providers and prints one JSON line {"openai":url,"anthropic":url,"gemini":url,…}.
// OpenAI, Anthropic and Gemini always; each other OpenAI-compatible provider (mistral, groq, xai,
// deepseek, openrouter, together, fireworks, cerebras, perplexity) when FAKE_<ID>_PORT is set
// (0: a free port), or all of them with FAKE_ALL=1. Ports from FAKE_<ID>_PORT (default 0);
// FAKE_<ID>_KEY makes a fake accept only that key. The printed URL is the server's; append the
// provider's base path (fakeBasePath: Groq /openai/v1…) for its base URL.
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

const { startFakeProviders, OTHER_COMPAT_PROVIDERS } = await import("./index.ts");

const setting = (provider, what) => process.env[`FAKE_${provider.toUpperCase()}_${what}`];
const options = (provider) => ({ port: Number(setting(provider, "PORT") ?? 0), expectedKey: setting(provider, "KEY") || undefined });
const compatible = Object.fromEntries(
  OTHER_COMPAT_PROVIDERS.filter((p) => process.env.FAKE_ALL === "1" || setting(p, "PORT") !== undefined).map((p) => [p, options(p)]),
);
const fakes = await startFakeProviders({ openai: options("openai"), anthropic: options("anthropic"), gemini: options("gemini"), compatible });

const urls = { openai: fakes.openai.url, anthropic: fakes.anthropic.url, gemini: fakes.gemini.url };
for (const [provider, server] of Object.entries(fakes.compatible)) urls[provider] = server.url;
process.stdout.write(`${JSON.stringify(urls)}\n`);

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
