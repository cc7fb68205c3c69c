// Whether the OpenNext build (.open-next) can be reused by `npm start`: a SHA-256 over every file
// that can change what `next build` and OpenNext produce (sources, public files, configuration,
// the lockfile, .env files) and the NEXT_PUBLIC_* variables, compared with the hash written next
// to the last successful build. Pure: the caller lists and reads the files.
import { createHash } from "node:crypto";

/** Directories that never go into the build (tests, docs, tooling, outputs, dependencies). */
const SKIPPED_DIRS = new Set(["node_modules", ".git", ".next", ".open-next", ".wrangler", "test-results", "playwright-report", "dist", "bench", "docs", "tests", "examples", "scripts", "packages"]);

/** Whether a path (relative, "/"-separated) can change the build's output. */
export function isBuildInput(relativePath: string): boolean {
  const parts = relativePath.split("/");
  if (parts.some((part, i) => i < parts.length - 1 && SKIPPED_DIRS.has(part))) return false;
  const name = parts.at(-1) ?? "";
  if (/\.test\.tsx?$/.test(name) || name.endsWith(".md")) return false;
  if (name === ".dev.vars" || name.startsWith(".dev.vars.")) return false; // read by the server at run time, not by the build
  return true;
}

/** Whether a directory should be walked at all. */
export function isBuildInputDir(name: string): boolean {
  return !SKIPPED_DIRS.has(name);
}

/** One hash over the inputs (sorted by path, each path and its bytes) and the build's environment. */
export function hashBuildInputs({ files, env }: { files: readonly { path: string; bytes: Uint8Array }[]; env: Record<string, string | undefined> }): string {
  const hash = createHash("sha256");
  for (const file of [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    hash.update(`file ${file.path} ${file.bytes.length}\n`);
    hash.update(file.bytes);
  }
  for (const name of Object.keys(env).filter((k) => k.startsWith("NEXT_PUBLIC_") || k === "NODE_ENV").sort()) hash.update(`env ${name}=${env[name] ?? ""}\n`);
  return hash.digest("hex");
}

export type BuildReuse = { reuse: true } | { reuse: false; reason: string };

/** Reuse only when a build exists and the hash written with it equals the inputs' hash now. */
export function decideBuildReuse({ hasBuild, storedHash, currentHash }: { hasBuild: boolean; storedHash: string | null; currentHash: string }): BuildReuse {
  if (!hasBuild) return { reuse: false, reason: "no build yet" };
  if (storedHash === null) return { reuse: false, reason: "the last build did not record its inputs" };
  if (storedHash !== currentHash) return { reuse: false, reason: "sources or configuration changed since the last build" };
  return { reuse: true };
}
