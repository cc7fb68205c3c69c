// The local server's command line (scripts/serve-worker.mjs), in wrangler dev's spelling so the
// scripts that called `wrangler dev` keep their arguments:
//   --port N  --ip HOST  --persist-to DIR  --inspector-port N  --var NAME:VALUE (repeatable)
// and, for measurements only, --direct-port N (see directPort).
// Pure: no I/O, so it runs under plain Node (type stripping) and in vitest.

export interface ServeArgs {
  port: number;
  host: string;
  /** The state directory (wrangler's --persist-to); the runtime keeps its files under `<dir>/v3`. */
  persistTo: string;
  /** Open the worker's inspector (Chrome DevTools protocol) on this port; null leaves it closed. */
  inspectorPort: number | null;
  /** Overrides of the worker's vars and .dev.vars, in the order given. */
  vars: Record<string, string>;
  /**
   * Also serve the worker on this port without Miniflare's entry worker in front (so without its
   * stand-ins for Cloudflare's edge: no CF-Connecting-IP, request.cf or response compression).
   * For the benchmark, which measures what the entry worker costs; null: not opened.
   */
  directPort: number | null;
}

export const defaultServeArgs: ServeArgs = { port: 8787, host: "127.0.0.1", persistTo: ".wrangler/state", inspectorPort: null, vars: {}, directPort: null };

function parsePort(flag: string, value: string | undefined, { allowZero }: { allowZero: boolean }): number {
  const port = Number(value);
  if (value === undefined || !/^\d+$/.test(value) || port > 65535 || (port === 0 && !allowZero)) {
    throw new Error(`${flag} needs a port number (got ${value === undefined ? "nothing" : JSON.stringify(value)})`);
  }
  return port;
}

/** Parses the arguments; throws an Error naming the bad argument. `env.PORT` sets the default port. */
export function parseServeArgs({ argv, env = {} }: { argv: readonly string[]; env?: Record<string, string | undefined> }): ServeArgs {
  const args: ServeArgs = { ...defaultServeArgs, vars: {} };
  if (env.PORT !== undefined && env.PORT !== "") args.port = parsePort("PORT", env.PORT, { allowZero: false });
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i]!;
    const value = argv[i + 1];
    const need = () => {
      if (value === undefined || value.startsWith("--")) throw new Error(`${flag} needs a value`);
      i += 1;
      return value;
    };
    if (flag === "--port") args.port = parsePort(flag, need(), { allowZero: false });
    else if (flag === "--ip") args.host = need();
    else if (flag === "--persist-to") args.persistTo = need();
    else if (flag === "--inspector-port") {
      const port = parsePort(flag, need(), { allowZero: true });
      args.inspectorPort = port === 0 ? null : port;
    } else if (flag === "--direct-port") args.directPort = parsePort(flag, need(), { allowZero: false });
    else if (flag === "--var") {
      const pair = need();
      const colon = pair.indexOf(":");
      if (colon <= 0) throw new Error(`--var needs NAME:VALUE (got ${JSON.stringify(pair)})`);
      args.vars[pair.slice(0, colon)] = pair.slice(colon + 1);
    } else throw new Error(`unknown argument ${JSON.stringify(flag)} (known: --port, --ip, --persist-to, --inspector-port, --var NAME:VALUE, --direct-port)`);
  }
  return args;
}
