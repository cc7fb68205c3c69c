// Whether the bundled worker (wrangler's deploy bundle, see worker-bundle.mjs) can be reused:
// only when every file that went into it (esbuild's metafile lists them) is older than it.
// Pure: the caller reads the modification times.

export interface BundleInput {
  path: string;
  /** null when the file no longer exists. */
  mtimeMs: number | null;
}

export type BundleFreshness = { fresh: true } | { fresh: false; reason: string };

export function checkBundleFreshness({ bundleMtimeMs, inputs }: { bundleMtimeMs: number | null; inputs: readonly BundleInput[] | null }): BundleFreshness {
  if (bundleMtimeMs === null) return { fresh: false, reason: "no bundle yet" };
  if (inputs === null || inputs.length === 0) return { fresh: false, reason: "the bundle's list of inputs is missing" };
  for (const input of inputs) {
    if (input.mtimeMs === null) return { fresh: false, reason: `${input.path} is gone` };
    if (input.mtimeMs > bundleMtimeMs) return { fresh: false, reason: `${input.path} changed` };
  }
  return { fresh: true };
}

/** The input paths of an esbuild metafile (relative to the directory esbuild ran in). */
export function metafileInputs(metafile: unknown): string[] | null {
  if (typeof metafile !== "object" || metafile === null) return null;
  const inputs = (metafile as { inputs?: unknown }).inputs;
  if (typeof inputs !== "object" || inputs === null) return null;
  // esbuild names virtual modules with a namespace prefix ("wrangler:…", "<stdin>"): not files.
  return Object.keys(inputs).filter((p) => !/^[\w-]+:/.test(p) && !p.startsWith("<"));
}
