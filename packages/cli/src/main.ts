#!/usr/bin/env node
// The `1relay` executable (package.json "bin"): the real world handed to runCli.
import os from "node:os";
import { runCli } from "./cli.js";

const controller = new AbortController();
// Ctrl-C while waiting for approval: stop polling and say so (a child of `1relay run` gets its own signal).
const onInterrupt = () => controller.abort(new Error("interrupted"));
if (process.argv[2] !== "run") process.once("SIGINT", onInterrupt);

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
  fetch: globalThis.fetch,
  platform: process.platform,
  homedir: os.homedir(),
  hostname: os.hostname(),
  self: [process.execPath, process.argv[1] ?? "1relay"],
  signal: controller.signal,
  now: Date.now,
});
process.exitCode = code;
