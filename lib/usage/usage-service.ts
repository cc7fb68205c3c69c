import "server-only";
import { createDb } from "../db/client";
import { groupUsage, listUsagePage, seriesUsage } from "../db/usage-queries";
import { getServerEnv } from "../env/server-env";
import { AppError } from "../errors/app-error";
import { decodeLogCursor, encodeLogCursor, type LogCursor } from "./log-cursor";
import { usageCsvHeader, usageCsvRow } from "./usage-csv";
import { filtersOf, type UsageQuery } from "./usage-filters";
import { resolveRange, type UsageRange } from "./usage-range";
import { pivotSeries, rollUp, sumTotals } from "./usage-rollup";
import type { UsageLogPage, UsageSeries, UsageSummary } from "./usage-types";

// The usage views for the signed-in person (GET /api/usage): summary, series, log page, CSV.

const CSV_PAGE = 500;

function rangeOf(q: UsageQuery, now: number): UsageRange {
  try {
    return resolveRange({ name: q.range, from: q.from, to: q.to, now });
  } catch (error) {
    throw new AppError({ code: "bad_request", field: "range", message: error instanceof Error ? error.message : "Invalid range." });
  }
}

const wire = (r: UsageRange) => ({ name: r.name, from: r.from, to: r.to, bucket: r.bucket });

function scopeOf(userId: string, q: UsageQuery, now: number) {
  const range = rangeOf(q, now);
  return { range, scope: { db: createDb(getServerEnv().DB), userId, from: range.from, to: range.to, filters: filtersOf(q) } };
}

export async function usageSummaryFor({ userId, query, now = Date.now() }: { userId: string; query: UsageQuery; now?: number }): Promise<UsageSummary> {
  const { range, scope } = scopeOf(userId, query, now);
  const groups = await groupUsage(scope);
  return { range: wire(range), totals: sumTotals(groups), byConnection: rollUp(groups, "connection"), byProvider: rollUp(groups, "provider"), byModel: rollUp(groups, "model"), byApi: rollUp(groups, "api") };
}

export async function usageSeriesFor({ userId, query, now = Date.now() }: { userId: string; query: UsageQuery; now?: number }): Promise<UsageSeries> {
  const { range, scope } = scopeOf(userId, query, now);
  const rows = await seriesUsage({ ...scope, by: query.by, bucket: range.bucket });
  return pivotSeries({ rows, range: wire(range), by: query.by });
}

function cursorOf(text: string | undefined): LogCursor | null {
  if (text === undefined) return null;
  const cursor = decodeLogCursor(text);
  if (!cursor) throw new AppError({ code: "bad_request", field: "cursor", message: "That page link is not valid any more. Start from the first page." });
  return cursor;
}

export async function usageLogFor({ userId, query, now = Date.now() }: { userId: string; query: UsageQuery; now?: number }): Promise<UsageLogPage> {
  const { scope } = scopeOf(userId, query, now);
  const rows = await listUsagePage({ ...scope, cursor: cursorOf(query.cursor), limit: query.limit + 1 });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? encodeLogCursor({ createdAt: last.createdAt, id: last.id }) : null };
}

/** The whole filtered log as CSV, streamed page by page (never all rows in memory). */
export function usageCsvFor({ userId, query, now = Date.now() }: { userId: string; query: UsageQuery; now?: number }): { stream: ReadableStream<Uint8Array>; filename: string } {
  const { range, scope } = scopeOf(userId, query, now);
  const encoder = new TextEncoder();
  let cursor: LogCursor | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(usageCsvHeader()));
      }
      const rows = await listUsagePage({ ...scope, cursor, limit: CSV_PAGE });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(usageCsvRow).join("")));
      const last = rows.at(-1);
      if (rows.length < CSV_PAGE || !last) return controller.close();
      cursor = { createdAt: last.createdAt, id: last.id };
    },
  });
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { stream, filename: `1relay-usage-${day(range.from)}-to-${day(range.to - 1)}-utc.csv` };
}
