// Builds with OpenNext unless the last build's inputs are unchanged (scripts/serve/build-inputs.ts):
// `npm start` then restarts in seconds. The hash is written next to the build only after it
// succeeds, and removed before a new build starts, so a failed build is never reused.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { decideBuildReuse, hashBuildInputs, isBuildInput, isBuildInputDir } from "./build-inputs.ts";

const HASH_FILE = ".open-next/.build-inputs-sha256";

/** Every file below the root that can be an input (outside a git checkout). */
function walkInputs(root, dir = "") {
  const paths = [];
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = dir ? `${dir}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (isBuildInputDir(entry.name)) paths.push(...walkInputs(root, relative));
    } else if (entry.isFile() && isBuildInput(relative)) paths.push(relative);
  }
  return paths;
}

/**
 * In a git checkout, the files git tracks or would track (what it ignores is output: .next,
 * tsbuildinfo, next-env.d.ts…), plus the .env files Next reads at build time; else a walk.
 */
function listInputs(root) {
  const git = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" });
  const envFiles = [".env", ".env.local", ".env.production", ".env.production.local"].filter((f) => existsSync(path.join(root, f)));
  const paths = git.status === 0 ? [...new Set([...git.stdout.split("\0").filter(Boolean), ...envFiles])] : walkInputs(root);
  return paths.filter((p) => isBuildInput(p) && existsSync(path.join(root, p))).map((p) => ({ path: p, bytes: readFileSync(path.join(root, p)) }));
}

/** Runs the OpenNext build when the inputs changed; returns whether it built. Exits the process if the build fails. */
export function buildIfChanged({ root, env, force = false, log = (m) => console.log(m) }) {
  const currentHash = hashBuildInputs({ files: listInputs(root), env });
  const hashPath = path.join(root, HASH_FILE);
  const decision = decideBuildReuse({ hasBuild: existsSync(path.join(root, ".open-next/worker.js")), storedHash: existsSync(hashPath) ? readFileSync(hashPath, "utf8").trim() : null, currentHash });
  if (decision.reuse && !force) {
    log("1Relay: reusing the last build (nothing it depends on changed). FORCE_BUILD=1 rebuilds.");
    return false;
  }
  log(`1Relay: building (${force ? "FORCE_BUILD=1" : decision.reason})…`);
  rmSync(hashPath, { force: true });
  const run = spawnSync(path.join(root, "node_modules/.bin/opennextjs-cloudflare"), ["build"], { cwd: root, stdio: "inherit", env });
  if (run.status !== 0) process.exit(run.status ?? 1);
  writeFileSync(hashPath, `${currentHash}\n`);
  return true;
}
