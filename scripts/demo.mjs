#!/usr/bin/env node
// Bundles scripts/demo/main.ts (it uses the project's own TypeScript crypto) and runs it.
import { build } from "esbuild";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const out = await build({ entryPoints: [path.join(root, "scripts/demo/main.ts")], bundle: true, platform: "node", format: "esm", write: false, logLevel: "silent" });
await import(`data:text/javascript;base64,${Buffer.from(out.outputFiles[0].text).toString("base64")}`);
