// Serves the built worker in workerd through Miniflare's API, with nothing in front of it but
// Miniflare's entry worker (which stands in for Cloudflare's edge: the client's address as
// CF-Connecting-IP, request.cf, response compression) and the static-assets router that
// production runs too. Local D1 and Durable Objects in the same state directory as `wrangler dev`
// and `wrangler d1 … --local`. Decision 015 says why and what it costs.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";
import { buildMiniflareOptions } from "./miniflare-options.ts";
import { bundleWorker } from "./worker-bundle.mjs";

/** wrangler, and the Miniflare that wrangler itself runs (its own pinned copy, not whichever is hoisted). */
function loadToolchain(root) {
  const requireFromRoot = createRequire(path.join(root, "package.json"));
  const wrangler = requireFromRoot("wrangler");
  const miniflare = createRequire(requireFromRoot.resolve("wrangler"))("miniflare");
  return { wrangler, miniflare };
}

function assertPortFree({ host, port }) {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error) =>
      reject(new Error(error.code === "EADDRINUSE" ? `port ${port} on ${host} is already in use: stop whatever uses it, or choose another port (PORT=… or --port).` : `cannot listen on ${host}:${port}: ${error.message}`)),
    );
    probe.listen({ host, port }, () => probe.close(resolve));
  });
}

/** The worker's console output: emails in local mode, the startup report, errors. */
function printWorkerLog({ level, message }) {
  if (level === "warn" || level === "error") process.stderr.write(`${message}\n`);
  else process.stdout.write(`${message}\n`);
}

/** Local D1 present in the state directory? (Only a hint: the app's own errors say the rest.) */
function hasLocalDatabase(persistRoot) {
  const dir = path.join(persistRoot, "d1/miniflare-D1DatabaseObject");
  return existsSync(dir) && readdirSync(dir).some((f) => f.endsWith(".sqlite"));
}

/**
 * Starts the server; resolves to { url, dispose } once it answers. `args` as parseServeArgs returns.
 * Throws an Error with a plain message when something is missing.
 */
export async function startWorkerServer({ root, args, log = (m) => console.error(m) }) {
  if (!existsSync(path.join(root, ".dev.vars"))) throw new Error("No .dev.vars (the local secrets): run `npm run setup:local` (npm start does it for you).");
  const { wrangler, miniflare } = loadToolchain(root);
  const bundle = bundleWorker({ root, log });
  const config = wrangler.unstable_readConfig({ config: path.join(root, "wrangler.jsonc") }, { hideWarnings: true });
  const { workerOptions } = wrangler.unstable_getMiniflareWorkerOptions(config);
  const options = buildMiniflareOptions({
    root,
    name: config.name,
    workerOptions,
    bundle,
    args,
    log: new miniflare.Log(miniflare.LogLevel.WARN),
    handleStructuredLogs: printWorkerLog,
  });
  if (!hasLocalDatabase(options.resourcePersistencePath)) log(`No local D1 database under ${path.relative(root, args.persistTo) || "."} yet: run \`npm run db:migrate:local\` (npm start does it for you).`);
  await assertPortFree(args);
  if (args.directPort !== null) await assertPortFree({ host: args.host, port: args.directPort });
  const mf = new miniflare.Miniflare(miniflare.convertV4MiniflareOptions(options));
  let url;
  try {
    url = await mf.ready;
  } catch (error) {
    await mf.dispose().catch(() => {});
    throw new Error(`the Workers runtime did not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { url, dispose: () => mf.dispose() };
}
