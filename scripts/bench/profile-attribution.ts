// Where a V8 CPU profile of the worker spends its time, per request: the project's own code
// (lib/, workers/, app/…), the libraries it calls (kysely, zod, @noble/…), the framework (Next,
// OpenNext) and the runtime (wrangler's polyfills, workerd's internal modules, GC, "(program)").
// A builtin or binding with no script (JSON.parse, crypto.subtle, a storage call) counts for the
// JavaScript that called it. Pure: the caller maps each frame of the bundle to its source file.
//
// Each sample stands for one sampling period. workerd lets go of the isolate while it waits for
// I/O and V8 takes no samples then, so the gap before the next sample is not CPU time (counting it
// would charge the whole wait to whatever ran last).

export type Category = "own" | "libraries" | "framework" | "runtime" | "idle";

export interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

export interface CpuProfile {
  nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Maps a frame of the worker's bundle to { source, line } in the original file, or null when the frame is not in the bundle. */
export type ResolveFrame = (frame: CallFrame) => { source: string; line: number } | null;

const frameworkPrefixes = ["next", "@next", "@opennextjs", "react", "react-dom", "scheduler", "next-auth", "@auth"];
const runtimePrefixes = ["unenv", "@cloudflare", "wrangler"];
const inScope = (pkg: string, names: readonly string[]) => names.some((name) => pkg === name || pkg.startsWith(`${name}/`));

/** The package a source path belongs to ("kysely", "@noble/ciphers"), or null for the project's own files. */
export function packageOf(source: string): string | null {
  const i = source.lastIndexOf("node_modules/");
  if (i < 0) return null;
  const rest = source.slice(i + "node_modules/".length).split("/");
  return rest[0]?.startsWith("@") ? `${rest[0]}/${rest[1] ?? ""}` : (rest[0] ?? "");
}

/** The project-relative path of a bundle source ("../../lib/x.ts" → "lib/x.ts"). */
export function projectPath(source: string): string {
  return source.replace(/^(\.\.?\/)+/, "");
}

export function categoriseSource(source: string): Exclude<Category, "idle"> {
  // wrangler's Node.js polyfills ("node-built-in-modules:…", unenv) and its bundle shims.
  if (/^[\w-]+:/.test(source)) return "runtime";
  const pkg = packageOf(source);
  if (pkg !== null) {
    if (inScope(pkg, frameworkPrefixes)) return "framework";
    if (inScope(pkg, runtimePrefixes)) return "runtime";
    return "libraries";
  }
  const file = projectPath(source);
  if (file.startsWith(".wrangler/")) return "runtime";
  // OpenNext's generated server: the Next app as it runs in the worker.
  if (file.startsWith(".open-next/")) return "framework";
  return "own";
}

const runtimeFunctions = new Set(["(program)", "(garbage collector)", "(root)"]);

export interface Attribution {
  requests: number;
  samples: number;
  samplingPeriodUs: number;
  /** ms per request by category; `idle` is time the isolate waited. */
  msPerRequest: Record<Category, number>;
  /** Of own and libraries, ms per request spent in builtins and bindings they called. */
  nativeMsPerRequest: { own: number; libraries: number };
  /** ms per request by library package. */
  packages: { name: string; msPerRequest: number }[];
  /** The functions with the most self time (own code and libraries), ms per request. */
  top: { name: string; category: Category; msPerRequest: number }[];
}

/**
 * The sampling period actually achieved: the median interval between samples taken back to back
 * (gaps longer than `gapUs` are waits, not periods); the requested interval when there are none.
 */
export function samplingPeriodUs({ timeDeltas, requestedUs, gapUs = Math.max(10 * requestedUs, 1000) }: { timeDeltas: readonly number[]; requestedUs: number; gapUs?: number }): number {
  const periods = timeDeltas.slice(1).filter((d) => d > 0 && d < gapUs).sort((a, b) => a - b);
  return periods.length === 0 ? requestedUs : periods[Math.floor((periods.length - 1) / 2)]!;
}

/** Attributes each sample (one sampling period) to a category; ms per request. */
export function attributeProfile({
  profile,
  requests,
  resolveFrame,
  requestedIntervalUs,
  topCount = 15,
}: {
  profile: CpuProfile;
  requests: number;
  resolveFrame: ResolveFrame;
  /** The interval asked of the profiler (Profiler.setSamplingInterval). */
  requestedIntervalUs: number;
  topCount?: number;
}): Attribution {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  type Where = { category: Category; native: boolean; key: string; pkg: string | null };
  const memo = new Map<number, Where>();
  const whereOf = (id: number): Where => {
    const cached = memo.get(id);
    if (cached) return cached;
    const f = byId.get(id)!.callFrame;
    let where: Where;
    if (f.functionName === "(idle)") where = { category: "idle", native: false, key: "(idle)", pkg: null };
    else if (runtimeFunctions.has(f.functionName)) where = { category: "runtime", native: false, key: f.functionName, pkg: null };
    else if (f.url === "") {
      const up = parent.get(id);
      const caller = up === undefined ? null : whereOf(up);
      where = caller && caller.category !== "idle" ? { ...caller, native: true } : { category: "runtime", native: true, key: f.functionName || "(native)", pkg: null };
    } else {
      const resolved = resolveFrame(f);
      if (!resolved) where = { category: "runtime", native: false, key: `${f.functionName || "(anonymous)"} ${f.url}`, pkg: null };
      else {
        const category = categoriseSource(resolved.source);
        const file = packageOf(resolved.source) === null ? projectPath(resolved.source) : resolved.source.slice(resolved.source.lastIndexOf("node_modules/") + 13);
        where = { category, native: false, key: `${f.functionName || "(anonymous)"} ${file}:${resolved.line}`, pkg: category === "libraries" ? packageOf(resolved.source) : null };
      }
    }
    memo.set(id, where);
    return where;
  };

  const totals: Record<Category, number> = { own: 0, libraries: 0, framework: 0, runtime: 0, idle: 0 };
  const natives = { own: 0, libraries: 0 };
  const packages = new Map<string, number>();
  const functions = new Map<string, { category: Category; us: number }>();
  const us = samplingPeriodUs({ timeDeltas: profile.timeDeltas, requestedUs: requestedIntervalUs });
  for (const sample of profile.samples) {
    const where = whereOf(sample);
    totals[where.category] += us;
    if (where.native && (where.category === "own" || where.category === "libraries")) natives[where.category] += us;
    if (where.pkg) packages.set(where.pkg, (packages.get(where.pkg) ?? 0) + us);
    if (where.category === "own" || where.category === "libraries") {
      const entry = functions.get(where.key) ?? { category: where.category, us: 0 };
      entry.us += us;
      functions.set(where.key, entry);
    }
  }
  const perRequest = (us: number) => us / 1000 / Math.max(1, requests);
  return {
    requests,
    samples: profile.samples.length,
    samplingPeriodUs: us,
    msPerRequest: { own: perRequest(totals.own), libraries: perRequest(totals.libraries), framework: perRequest(totals.framework), runtime: perRequest(totals.runtime), idle: perRequest(totals.idle) },
    nativeMsPerRequest: { own: perRequest(natives.own), libraries: perRequest(natives.libraries) },
    packages: [...packages.entries()].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, msPerRequest: perRequest(us) })),
    top: [...functions.entries()].sort((a, b) => b[1].us - a[1].us).slice(0, topCount).map(([name, e]) => ({ name, category: e.category, msPerRequest: perRequest(e.us) })),
  };
}
