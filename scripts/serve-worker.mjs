#!/usr/bin/env node
// Serves the built worker (.open-next + workers/worker.ts, bundled as `wrangler deploy` would) in
// workerd with local D1 and Durable Objects, without wrangler dev's proxy in front
// (scripts/serve/serve-worker.mjs; decision 015). Run it through npm (it needs Node 22):
//   npx node scripts/serve-worker.mjs [--port N] [--ip HOST] [--persist-to DIR] [--inspector-port N] [--var NAME:VALUE]…
// PORT sets the default port (8787). Prints "1Relay: ready at <url>" when it answers.
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseServeArgs } from "./serve/serve-args.ts";
import { startWorkerServer } from "./serve/serve-worker.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Starts the server and stops it cleanly on Ctrl-C / SIGTERM. Exits the process on failure. */
export async function runWorkerServer({ argv, banner = (url) => `1Relay: ready at ${url}` }) {
  let args;
  try {
    args = parseServeArgs({ argv, env: process.env });
  } catch (error) {
    console.error(`1Relay server: ${error.message}`);
    process.exit(2);
  }
  let server;
  try {
    server = await startWorkerServer({ root, args, log: (m) => console.error(`1Relay server: ${m}`) });
  } catch (error) {
    console.error(`\n1Relay server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  const shown = new URL(server.url);
  if (shown.hostname === "127.0.0.1") shown.hostname = "localhost";
  console.log(banner(shown.origin));
  let stopping = false;
  for (const sig of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(sig, () => {
      if (stopping) process.exit(1); // a second Ctrl-C: do not wait
      stopping = true;
      server.dispose().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await runWorkerServer({ argv: process.argv.slice(2) });
