// The benchmark's statistics. Pure.

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of an ascending array (NaN when empty). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

/** p50 / p95 / p99 / min / max / mean of the finite values. */
export function summarise(values: readonly number[]): Summary {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const mean = s.length === 0 ? NaN : s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, mean };
}

/**
 * What `a` takes over `b`, paired round by round (both measured back to back in the same round,
 * so load from elsewhere falls on both alike); rounds where either failed are left out.
 */
export function pairedAdded(a: readonly (number | null)[], b: readonly (number | null)[]): Summary {
  const diffs: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i += 1) {
    const x = a[i];
    const y = b[i];
    if (x !== null && x !== undefined && y !== null && y !== undefined) diffs.push(x - y);
  }
  return summarise(diffs);
}

/** Server-Timing values ("auth;dur=1, limits;dur=2"), as durations per phase. */
export function phaseDurations(headers: readonly (string | null)[]): Record<string, number[]> {
  const per: Record<string, number[]> = {};
  for (const header of headers) {
    for (const part of (header ?? "").split(",")) {
      const m = /^\s*([\w-]+);dur=([\d.]+)/.exec(part);
      if (m) (per[m[1]!] ??= []).push(Number(m[2]));
    }
  }
  return per;
}
