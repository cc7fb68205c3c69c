#!/usr/bin/env node
// Runs the demo app (examples/demo-app/README.md): bundles server.ts with esbuild, resolving the
// @1relay/connect package it imports to the package's source in this repository (packages/connect,
// what `npm install @1relay/connect` gives an app once published), then starts it with options
// from the environment: ONERELAY_URL, PORT, DEMO_CLIENT_ID, DEMO_CLIENT_SECRET.
import { build, stop } from "esbuild";
import path from "node:path";

const here = import.meta.dirname;
const out = await build({
  entryPoints: [path.join(here, "server.ts")],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  alias: { "@1relay/connect": path.join(here, "../../packages/connect/src/index.ts") },
  write: false,
  logLevel: "silent",
});
await stop(); // no need for esbuild's service process while the app runs
const { optionsFromEnv, startDemoApp, APP_NAME } = await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);

const options = optionsFromEnv(process.env);
let app;
try {
  app = await startDemoApp(options);
} catch (error) {
  console.error(`${APP_NAME}: could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
console.log(`\n${APP_NAME}: ${app.url}`);
console.log(`  1Relay:       ${options.onerelayUrl}`);
console.log(`  Redirect URI: ${app.redirectUri}  (register exactly this in 1Relay: Dashboard → Apps)`);
console.log(`  Client ID:    ${options.clientId ?? "not set: enter it on the home page"}\n`);

let closing = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (closing) process.exit(1);
    closing = true;
    app.close().then(() => process.exit(0));
  });
}
