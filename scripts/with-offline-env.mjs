#!/usr/bin/env node
// Runs a command with every "phone home" of the toolchain switched off, so that
// building and serving work with no internet.
import { spawn } from "node:child_process";
import { offlineEnv } from "./offline-env.mjs";


const [cmd, ...args] = process.argv.slice(2);
if (!cmd) {
  console.error("usage: with-offline-env <command> [args…]");
  process.exit(2);
}
const child = spawn(cmd, args, { stdio: "inherit", env: { ...process.env, ...offlineEnv } });
child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => child.kill(sig));
