#!/usr/bin/env node
// Serves Pocket Chat (examples/static-chat/README.md) as static files: index.html, style.css and
// app.js, which esbuild bundles from app.ts with @1relay/connect/browser resolved to the package's
// source in this repository. Options from the environment: ONERELAY_URL (baked into app.js), PORT.
// `node start.mjs --out dir` writes the files to dir instead, for any static host.
import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

const here = import.meta.dirname;
const relayUrl = (process.env.ONERELAY_URL ?? "http://localhost:8787").replace(/\/+$/, "");
const port = Number(process.env.PORT ?? 8796);

const bundle = await build({
  entryPoints: [path.join(here, "app.ts")],
  bundle: true,
  format: "esm",
  platform: "browser",
  target: "es2022",
  minify: true,
  alias: { "@1relay/connect/browser": path.join(here, "../../packages/connect/src/browser.ts") },
  define: { __ONERELAY_URL__: JSON.stringify(relayUrl) },
  write: false,
  logLevel: "warning",
});
const files = {
  "/index.html": { type: "text/html; charset=utf-8", body: readFileSync(path.join(here, "index.html")) },
  "/style.css": { type: "text/css; charset=utf-8", body: readFileSync(path.join(here, "style.css")) },
  "/app.js": { type: "text/javascript; charset=utf-8", body: Buffer.from(bundle.outputFiles[0].text) },
};

const outIndex = process.argv.indexOf("--out");
if (outIndex > 0) {
  const dir = path.resolve(process.argv[outIndex + 1] ?? "dist");
  mkdirSync(dir, { recursive: true });
  for (const [name, file] of Object.entries(files)) writeFileSync(path.join(dir, name.slice(1)), file.body);
  console.log(`Pocket Chat: written to ${dir} (1Relay: ${relayUrl})`);
  process.exit(0);
}

// The page may talk to itself and to 1Relay only; it is never framed; no referrer leaves.
const headers = {
  "content-security-policy": `default-src 'self'; connect-src 'self' ${new URL(relayUrl).origin}; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'self'`,
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "cache-control": "no-store",
};
const server = createServer((request, response) => {
  const pathname = new URL(request.url ?? "/", "http://x").pathname;
  const file = files[pathname === "/" ? "/index.html" : pathname];
  if (request.method !== "GET" && request.method !== "HEAD") return response.writeHead(405, headers).end();
  if (!file) return response.writeHead(404, { ...headers, "content-type": "text/plain" }).end("Not found");
  response.writeHead(200, { ...headers, "content-type": file.type }).end(request.method === "HEAD" ? undefined : file.body);
});
server.listen(port, "localhost", () => {
  console.log(`\nPocket Chat: http://localhost:${port}/`);
  console.log(`  1Relay:       ${relayUrl}`);
  console.log(`  Register an app with web origin http://localhost:${port} and redirect URI http://localhost:${port}/\n`);
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.close(() => process.exit(0)));
