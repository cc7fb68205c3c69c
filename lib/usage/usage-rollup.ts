import { labelOfApi } from "./api-labels";
import { bucketStarts } from "./usage-range";
import type { UsageBreakdownRow, UsageGroupRow, UsageSeries, UsageSeriesRow, UsageTotals } from "./usage-types";

// Pure shaping of SQL GROUP BY results: the (connection, provider, model, API) groups rolled up
// per dimension, and time buckets pivoted into chart points (with the empty buckets).

export const emptyTotals = (): UsageTotals => ({ requests: 0, errors: 0, inputTokens: 0, outputTokens: 0, costMicroUsd: 0 });

function add(into: UsageTotals, row: UsageTotals): void {
  into.requests += row.requests;
  into.errors += row.errors;
  into.inputTokens += row.inputTokens;
  into.outputTokens += row.outputTokens;
  into.costMicroUsd += row.costMicroUsd;
}

export function sumTotals(rows: UsageTotals[]): UsageTotals {
  const total = emptyTotals();
  for (const r of rows) add(total, r);
  return total;
}

/** Rolls the groups up by one dimension, dearest first (then most requests, then name). */
export function rollUp(rows: UsageGroupRow[], dimension: "connection" | "provider" | "model" | "api"): UsageBreakdownRow[] {
  const out = new Map<string, UsageBreakdownRow>();
  for (const r of rows) {
    const key = dimension === "connection" ? r.connectionId : dimension === "provider" ? r.provider : dimension === "api" ? r.api : r.model;
    const label = dimension === "connection" ? (r.connectionName ?? "(removed)") : dimension === "api" ? labelOfApi(key) : key;
    let entry = out.get(key);
    if (!entry) out.set(key, (entry = { key, label, ...emptyTotals() }));
    add(entry, r);
  }
  return [...out.values()].sort((a, b) => b.costMicroUsd - a.costMicroUsd || b.requests - a.requests || a.label.localeCompare(b.label));
}

/** Chart points for every bucket of the range; series keys ordered by total spend, dearest first. */
export function pivotSeries({ rows, range, by }: { rows: UsageSeriesRow[]; range: UsageSeries["range"]; by: UsageSeries["by"] }): UsageSeries {
  const totals = new Map<string, { label: string; cost: number; requests: number }>();
  for (const r of rows) {
    const t = totals.get(r.key) ?? { label: r.label, cost: 0, requests: 0 };
    t.cost += r.costMicroUsd;
    t.requests += r.requests;
    totals.set(r.key, t);
  }
  const keys = [...totals.entries()]
    .sort(([, a], [, b]) => b.cost - a.cost || b.requests - a.requests || a.label.localeCompare(b.label))
    .map(([key, t]) => ({ key, label: t.label }));
  const byBucket = new Map<number, Record<string, number>>();
  for (const start of bucketStarts(range)) {
    const point: Record<string, number> = { t: start };
    for (const { key } of keys) {
      point[`cost:${key}`] = 0;
      point[`req:${key}`] = 0;
    }
    byBucket.set(start, point);
  }
  for (const r of rows) {
    const point = byBucket.get(r.bucket);
    if (!point) continue;
    point[`cost:${r.key}`] = (point[`cost:${r.key}`] ?? 0) + r.costMicroUsd / 1_000_000;
    point[`req:${r.key}`] = (point[`req:${r.key}`] ?? 0) + r.requests;
  }
  return { range, by, keys, points: [...byBucket.values()] };
}
