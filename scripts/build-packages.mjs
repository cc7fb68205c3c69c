#!/usr/bin/env node
// Builds what others install (packages/*) into plain JavaScript for Node ≥ 20, with type
// declarations, ready for `npm publish` (each package's `prepack` runs this):
//   packages/connect → dist/index.js, server.js, device.js, browser.js (+ .d.ts), widget.js (= public/connect.js);
//                      @noble/* stay dependencies
//   packages/cli     → dist/1relay.js (the bin: everything bundled, no runtime dependency),
//                      dist/index.js (+ .d.ts)
//   node scripts/build-packages.mjs [connect|cli]… [--quiet]
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

const root = path.resolve(import.meta.dirname, "..");
const args = process.argv.slice(2);
const quiet = args.includes("--quiet");
const wanted = args.filter((a) => !a.startsWith("--"));
const log = (text) => quiet || console.log(`[packages] ${text}`);

/** Declarations of the package's own files (tsc checks and emits; the lib/ ones are bundled, not published). */
function emitDeclarations({ dir, entries }) {
  const temporary = path.join(dir, "dist", ".types");
  rmSync(temporary, { recursive: true, force: true });
  const config = {
    compilerOptions: {
      target: "ES2022", module: "esnext", moduleResolution: "bundler", lib: ["ES2023", "DOM"], types: ["node"], strict: true, noUncheckedIndexedAccess: true,
      skipLibCheck: true, declaration: true, emitDeclarationOnly: true, rootDir: root, outDir: temporary, isolatedModules: true, esModuleInterop: true,
    },
    files: entries.map((entry) => path.join(dir, "src", entry)),
  };
  const configPath = path.join(dir, "dist", "tsconfig.types.json");
  mkdirSync(path.dirname(configPath), { recursive: true });
  writeFileSync(configPath, JSON.stringify(config));
  const tsc = spawnSync(process.execPath, [path.join(root, "node_modules/typescript/bin/tsc"), "-p", configPath], { cwd: root, stdio: "inherit" });
  rmSync(configPath);
  if (tsc.status !== 0) throw new Error(`tsc failed for ${dir}`);
  const own = path.join(temporary, path.relative(root, dir), "src");
  for (const file of readdirSync(own, { recursive: true })) {
    const name = String(file);
    if (!name.endsWith(".d.ts") || name.includes(".test.")) continue;
    const text = readFileSync(path.join(own, name), "utf8");
    // A published declaration may only point inside its package.
    for (const [, target] of text.matchAll(/from "(\.[^"]*)"/g)) {
      if (path.relative(own, path.resolve(path.dirname(path.join(own, name)), target)).startsWith("..")) throw new Error(`${name} refers outside the package (${target}): keep its public types in the package`);
    }
    mkdirSync(path.dirname(path.join(dir, "dist", name)), { recursive: true });
    writeFileSync(path.join(dir, "dist", name), text);
  }
  rmSync(temporary, { recursive: true, force: true });
}

async function buildConnect() {
  const dir = path.join(root, "packages/connect");
  rmSync(path.join(dir, "dist"), { recursive: true, force: true });
  await build({
    entryPoints: ["index", "server", "device", "browser"].map((name) => path.join(dir, "src", `${name}.ts`)),
    outdir: path.join(dir, "dist"),
    bundle: true, splitting: true, format: "esm", platform: "neutral", target: "es2022",
    external: ["@noble/*"], logLevel: "warning", chunkNames: "chunks/[name]-[hash]",
  });
  copyFileSync(path.join(root, "public/connect.js"), path.join(dir, "dist/widget.js"));
  emitDeclarations({ dir, entries: ["index.ts", "server.ts", "device.ts", "browser.ts"] });
  log("connect → packages/connect/dist");
}

async function buildCli() {
  const dir = path.join(root, "packages/cli");
  rmSync(path.join(dir, "dist"), { recursive: true, force: true });
  const common = { bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "warning" };
  await build({ ...common, entryPoints: [path.join(dir, "src/main.ts")], outfile: path.join(dir, "dist/1relay.js") });
  await build({ ...common, entryPoints: [path.join(dir, "src/index.ts")], outfile: path.join(dir, "dist/index.js") });
  const bin = path.join(dir, "dist/1relay.js");
  const text = readFileSync(bin, "utf8").replace(/^#!.*\n/, "");
  writeFileSync(bin, `#!/usr/bin/env node\n${text}`);
  chmodSync(bin, 0o755);
  emitDeclarations({ dir, entries: ["index.ts"] });
  log("cli → packages/cli/dist (bin: dist/1relay.js)");
}

const builders = { connect: buildConnect, cli: buildCli };
for (const name of wanted.length > 0 ? wanted : Object.keys(builders)) {
  if (!builders[name]) throw new Error(`unknown package ${name}`);
  await builders[name]();
}
if (!existsSync(path.join(root, "packages/cli/dist/1relay.js")) && wanted.includes("cli")) process.exit(1);
