// Issue 14's targets (and issue 8's bundle limit), judged from a benchmark result. Pure.

export interface Cell {
  concurrency: number;
  rps: number;
  errors: number;
}

export interface TargetInputs {
  /** Paired p50s (ms) of what each adds over direct. */
  addedP50: { gateway: number; portkey: number; floor: number; gatewayFirstByte: number };
  throughput: { gateway: readonly Cell[]; portkey: readonly Cell[] };
  /** The gateway's own JavaScript CPU per non-streamed request (ms), from the profile; NaN when not measured. */
  ownJsMsPerRequest: number;
  bundleGzipMiB: number;
}

export interface TargetVerdict {
  name: string;
  measured: string;
  /** null: not measured in this run. */
  met: boolean | null;
  /** How far from the target, when missed. */
  miss: string | null;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;
const known = (...xs: number[]) => xs.every((x) => Number.isFinite(x));
const cellAt = (cells: readonly Cell[], c: number) => cells.find((cell) => cell.concurrency === c);

function atMost({ name, value, limit, unit = ms }: { name: string; value: number; limit: number; unit?: (x: number) => string }): TargetVerdict {
  if (!known(value)) return { name, measured: "not measured", met: null, miss: null };
  const met = value <= limit;
  return { name, measured: unit(value), met, miss: met ? null : `over by ${unit(value - limit)}` };
}

export function evaluateTargets(r: TargetInputs): TargetVerdict[] {
  const verdicts: TargetVerdict[] = [];
  const { gateway, portkey } = r.addedP50;
  const addedName = "added p50 over direct, non-streamed ≤ Portkey's added p50";
  verdicts.push(
    known(gateway, portkey)
      ? { name: addedName, measured: `${ms(gateway)} (Portkey ${ms(portkey)})`, met: gateway <= portkey, miss: gateway <= portkey ? null : `over by ${ms(gateway - portkey)}` }
      : { name: addedName, measured: "not measured", met: null, miss: null },
  );
  verdicts.push(atMost({ name: "streamed first byte added over direct ≤ 2 ms", value: r.addedP50.gatewayFirstByte, limit: 2 }));
  verdicts.push(atMost({ name: "runtime floor (401 at the worker entry − direct) ≤ 1 ms", value: r.addedP50.floor, limit: 1 }));

  const g10 = cellAt(r.throughput.gateway, 10);
  const p10 = cellAt(r.throughput.portkey, 10);
  const g50 = cellAt(r.throughput.gateway, 50);
  const tputName = "throughput at concurrency 10 ≥ Portkey's, no errors at 50";
  if (!g10 || !p10 || !g50) verdicts.push({ name: tputName, measured: "not measured", met: null, miss: null });
  else {
    const faster = g10.rps >= p10.rps;
    const clean = g50.errors === 0;
    const misses = [faster ? null : `${(p10.rps - g10.rps).toFixed(0)} req/s short (${((g10.rps / p10.rps) * 100).toFixed(0)} % of Portkey's)`, clean ? null : `${g50.errors} errors at 50`].filter(Boolean);
    verdicts.push({ name: tputName, measured: `${g10.rps.toFixed(0)} req/s (Portkey ${p10.rps.toFixed(0)}); ${g50.errors} errors at 50`, met: faster && clean, miss: misses.length ? misses.join("; ") : null });
  }
  verdicts.push(atMost({ name: "the gateway's own JavaScript CPU ≤ 1 ms per non-streamed request", value: r.ownJsMsPerRequest, limit: 1 }));
  verdicts.push(atMost({ name: "bundle < 3 MiB gzip (issue 8)", value: r.bundleGzipMiB, limit: 3, unit: (x) => `${x.toFixed(2)} MiB` }));
  return verdicts;
}
