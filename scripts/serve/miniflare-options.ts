// Miniflare's options for the local server (scripts/serve/serve-worker.mjs): the worker as
// wrangler.jsonc describes it (bindings, Durable Objects, D1, assets, compatibility flags, vars and
// .dev.vars, as wrangler's own `unstable_getMiniflareWorkerOptions` reads them), the bundle wrangler
// would deploy, and the same state directory as `wrangler dev` and `wrangler d1 … --local`.
// Left out on purpose: wrangler dev's proxy worker (a second runtime process in front) and
// Miniflare's per-request log line (a round trip to Node after every request). Pure.
import path from "node:path";
import type { ServeArgs } from "./serve-args";

/** What wrangler's unstable_getMiniflareWorkerOptions returns as `workerOptions` (the parts used here). */
export interface WranglerWorkerOptions {
  bindings?: Record<string, unknown>;
  modulesRules?: unknown;
  [key: string]: unknown;
}

export interface MiniflareServeOptions {
  rootPath: string;
  host: string;
  port: number;
  inspectorPort?: number;
  cf: false;
  logRequests: false;
  log: unknown;
  handleStructuredLogs: (entry: { level: string; message: string }) => void;
  resourcePersistencePath: string;
  resourceTmpPath: string;
  workers: [Record<string, unknown>];
}

export function buildMiniflareOptions({
  root,
  name,
  workerOptions,
  bundle,
  args,
  log,
  handleStructuredLogs,
}: {
  root: string;
  /** The worker's name from wrangler.jsonc: Durable Object state is kept under it. */
  name: string;
  workerOptions: WranglerWorkerOptions;
  /** The bundled worker: one ES module (wrangler's deploy bundle). */
  bundle: { dir: string; entry: string };
  args: ServeArgs;
  log: unknown;
  handleStructuredLogs: MiniflareServeOptions["handleStructuredLogs"];
}): MiniflareServeOptions {
  // Explicit modules replace wrangler's module rules (the bundle is already one module).
  const { modulesRules: _rules, ...worker } = workerOptions;
  return {
    rootPath: root,
    host: args.host,
    port: args.port,
    ...(args.inspectorPort === null ? {} : { inspectorPort: args.inspectorPort }),
    // The placeholder request.cf: fetching the real one needs the internet.
    cf: false,
    logRequests: false,
    log,
    handleStructuredLogs,
    // wrangler keeps local state under <persist-to>/v3 (dev, d1 migrations, d1 execute).
    resourcePersistencePath: path.resolve(root, args.persistTo, "v3"),
    resourceTmpPath: path.join(root, ".wrangler/tmp"),
    workers: [
      {
        ...worker,
        name,
        bindings: { ...workerOptions.bindings, ...args.vars },
        modulesRoot: bundle.dir,
        modules: [{ type: "ESModule", path: path.join(bundle.dir, bundle.entry) }],
        // Straight to the worker (through the static-assets router, as in production), skipping
        // Miniflare's entry worker: only when asked, for measurements.
        ...(args.directPort === null ? {} : { unsafeDirectSockets: [{ host: args.host, port: args.directPort }] }),
      },
    ],
  };
}
