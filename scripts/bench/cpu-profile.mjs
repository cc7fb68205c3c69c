// A V8 CPU profile of the worker over some requests, through the local server's inspector
// (scripts/serve-worker.mjs --inspector-port), and the map from the profile's frames back to the
// project's sources (the bundle's source map). Used by run.mjs and profile.mjs.
import { readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

/** A minimal Chrome DevTools Protocol client over Node's WebSocket. */
async function connect(url) {
  const ws = new WebSocket(url);
  await new Promise((resolve, reject) => {
    ws.addEventListener("open", resolve, { once: true });
    ws.addEventListener("error", () => reject(new Error(`cannot connect to the worker's inspector at ${url}`)), { once: true });
  });
  let id = 0;
  const pending = new Map();
  ws.addEventListener("message", (event) => {
    const msg = JSON.parse(String(event.data));
    if (msg.id && pending.has(msg.id)) {
      const { resolve, reject } = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) reject(new Error(`${msg.error.message} (${msg.error.code})`));
      else resolve(msg.result);
    }
  });
  return {
    call: (method, params = {}) =>
      new Promise((resolve, reject) => {
        id += 1;
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ id, method, params }));
      }),
    close: () => ws.close(),
  };
}

/** The inspector target of the worker named `name` (Miniflare lists one per worker). */
async function findTarget({ inspectorPort, name }) {
  const list = await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json();
  const target = list.find((t) => t.id === `core:user:${name}`) ?? list.find((t) => String(t.title).endsWith(` ${name}`));
  if (!target?.webSocketDebuggerUrl) throw new Error(`no inspector target for the worker on port ${inspectorPort}: ${JSON.stringify(list).slice(0, 300)}`);
  return target.webSocketDebuggerUrl;
}

/** Records a CPU profile of the worker while `work()` runs; resolves to the profile. */
export async function recordCpuProfile({ inspectorPort, name = "1relay", samplingIntervalUs = 100, work }) {
  const session = await connect(await findTarget({ inspectorPort, name }));
  try {
    await session.call("Profiler.enable");
    await session.call("Profiler.setSamplingInterval", { interval: samplingIntervalUs });
    await session.call("Profiler.start");
    await work();
    const { profile } = await session.call("Profiler.stop");
    await session.call("Profiler.disable");
    return profile;
  } finally {
    session.close();
  }
}

/** Maps a profile frame in the bundle (.wrangler/serve-bundle/worker.js) to its original source and line. */
export function bundleFrameResolver({ bundleDir, entry = "worker.js" }) {
  const map = new SourceMap(JSON.parse(readFileSync(path.join(bundleDir, `${entry}.map`), "utf8")));
  const cache = new Map();
  return (frame) => {
    if (!frame.url.endsWith(`/${entry}`) && frame.url !== entry) return null;
    const key = `${frame.lineNumber}:${frame.columnNumber}`;
    if (!cache.has(key)) {
      const hit = map.findEntry(frame.lineNumber, frame.columnNumber);
      cache.set(key, hit && hit.originalSource ? { source: hit.originalSource, line: hit.originalLine + 1 } : null);
    }
    return cache.get(key);
  };
}
