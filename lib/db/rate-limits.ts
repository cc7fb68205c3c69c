import { sql } from "kysely";
import type { Db } from "./client";
import { decideFixedWindow, type WindowDecision } from "../limits/fixed-window";

/**
 * Counts one hit against `key` in a fixed window and decides it, in a single
 * atomic statement (SQLite upsert), so concurrent hits cannot both slip through.
 */
export async function hitRateLimit({
  db,
  key,
  limit,
  windowMs,
  now,
}: {
  db: Db;
  key: string;
  limit: number;
  windowMs: number;
  now: number;
}): Promise<WindowDecision> {
  const expired = now - windowMs;
  const row = await db
    .insertInto("rate_limits")
    .values({ key, window_start: now, count: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        count: sql<number>`CASE WHEN rate_limits.window_start <= ${expired} THEN 1 ELSE rate_limits.count + 1 END`,
        window_start: sql<number>`CASE WHEN rate_limits.window_start <= ${expired} THEN ${now} ELSE rate_limits.window_start END`,
      }),
    )
    .returning(["window_start", "count"])
    .executeTakeFirstOrThrow();
  return decideFixedWindow({ state: { windowStart: row.window_start, count: row.count }, limit, windowMs, now });
}
