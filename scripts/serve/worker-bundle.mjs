// The worker exactly as `wrangler deploy` would upload it (workers/worker.ts around the OpenNext
// build, bundled by wrangler with its nodejs_compat polyfills), written to .wrangler/serve-bundle
// by `wrangler deploy --dry-run`. Reused while no file that went into it has changed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { offlineEnv } from "../offline-env.mjs";
import { checkBundleFreshness, metafileInputs } from "./bundle-freshness.ts";

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : null);

function readInputs(root, metafilePath) {
  try {
    const paths = metafileInputs(JSON.parse(readFileSync(metafilePath, "utf8")));
    // The configuration and the installed versions shape the bundle too.
    return paths && [...paths, "wrangler.jsonc", "package-lock.json"].map((p) => ({ path: p, mtimeMs: mtime(path.resolve(root, p)) }));
  } catch {
    return null;
  }
}

/** Returns { dir, entry } of an up-to-date bundle, making one when needed. Throws with wrangler's output when it fails. */
export function bundleWorker({ root, log = () => {} }) {
  if (!existsSync(path.join(root, ".open-next/worker.js"))) {
    throw new Error("No build found (.open-next/worker.js). Run `npm start` without SKIP_BUILD=1, or `npm run build:worker` first.");
  }
  const dir = path.join(root, ".wrangler/serve-bundle");
  const entry = "worker.js";
  const freshness = checkBundleFreshness({ bundleMtimeMs: mtime(path.join(dir, entry)), inputs: readInputs(root, path.join(dir, "bundle-meta.json")) });
  if (freshness.fresh) return { dir, entry };

  log(`bundling the worker (${freshness.reason})…`);
  // Into a directory of its own, then renamed into place: a server starting at the same moment
  // never reads half a bundle.
  const tmp = `${dir}.${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(path.dirname(dir), { recursive: true });
  const wrangler = path.join(root, "node_modules/.bin/wrangler");
  const run = spawnSync(wrangler, ["deploy", "--dry-run", "--env", "", "--outdir", tmp, "--metafile", path.join(tmp, "bundle-meta.json")], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, ...offlineEnv },
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0 || !existsSync(path.join(tmp, entry))) {
    rmSync(tmp, { recursive: true, force: true });
    throw new Error(`bundling the worker with \`wrangler deploy --dry-run\` failed:\n${run.stdout ?? ""}${run.stderr ?? ""}${run.error ? String(run.error) : ""}`);
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(tmp, dir);
  return { dir, entry };
}
