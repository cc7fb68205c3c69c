import { sql, type ExpressionBuilder, type SelectQueryBuilder } from "kysely";
import type { Db } from "./client";
import type { Database } from "./schema";
import type { LogCursor } from "../usage/log-cursor";
import type { UsageFilters } from "../usage/usage-filters";
import type { Bucket } from "../usage/usage-range";
import { KEY_TESTS, type UsageGroupRow, type UsageLogRow, type UsageSeriesRow } from "../usage/usage-types";

// Usage records (never prompts or completions), always scoped by the owner's user id and a
// time range, so SQLite walks the (user_id, created_at) index. Totals and time buckets are
// SQL GROUP BY; the log is a keyset page (created_at, id), newest first.

type Scope = { db: Db; userId: string; from: number; to: number; filters: UsageFilters };
type UsageQuery = SelectQueryBuilder<Database, "usage_records" | "connections", object>;

function scoped({ db, userId, from, to, filters }: Scope): UsageQuery {
  let q = db
    .selectFrom("usage_records")
    .leftJoin("connections", "connections.id", "usage_records.connection_id")
    .where("usage_records.user_id", "=", userId)
    .where("usage_records.created_at", ">=", from)
    .where("usage_records.created_at", "<", to) as unknown as UsageQuery;
  if (filters.connectionId) q = q.where("usage_records.connection_id", "=", filters.connectionId);
  if (filters.provider) q = q.where("usage_records.provider", "=", filters.provider);
  if (filters.model) q = q.where("usage_records.model", "=", filters.model);
  if (filters.api) q = q.where("usage_records.api", "=", filters.api);
  if (filters.status === "ok") q = q.where("usage_records.status", "<", 400);
  if (filters.status === "error") q = q.where("usage_records.status", ">=", 400);
  return q;
}

// Key tests (a vault key's Test button) are one series, "Key tests", wherever connections are counted.
const isKeyTest = sql`coalesce(connections.is_key_test, 0) = 1`;
const connectionKey = sql<string>`CASE WHEN ${isKeyTest} THEN ${KEY_TESTS.key} ELSE usage_records.connection_id END`;
const connectionLabel = sql<string | null>`CASE WHEN max(${isKeyTest}) THEN ${KEY_TESTS.label} ELSE max(connections.name) END`;

const totals = (eb: ExpressionBuilder<Database, "usage_records">) => [
  eb.fn.countAll<number>().as("requests"),
  sql<number>`coalesce(sum(case when usage_records.status >= 400 then 1 else 0 end), 0)`.as("errors"),
  sql<number>`coalesce(sum(usage_records.input_tokens), 0)`.as("input_tokens"),
  sql<number>`coalesce(sum(usage_records.output_tokens), 0)`.as("output_tokens"),
  sql<number>`coalesce(sum(usage_records.cost_micro_usd), 0)`.as("cost_micro_usd"),
];

/** Totals per (connection, provider, model, API): few rows, rolled up further in lib/usage. */
export async function groupUsage(scope: Scope): Promise<UsageGroupRow[]> {
  const rows = await scoped(scope)
    .select((eb) => [
      connectionKey.as("connection_id"),
      connectionLabel.as("connection_name"),
      "usage_records.provider",
      "usage_records.model",
      "usage_records.api",
      ...totals(eb as unknown as ExpressionBuilder<Database, "usage_records">),
    ])
    .groupBy([connectionKey, "usage_records.provider", "usage_records.model", "usage_records.api"])
    .execute();
  return rows.map((r) => ({
    connectionId: r.connection_id,
    connectionName: r.connection_name,
    provider: r.provider,
    model: r.model,
    api: r.api,
    requests: Number(r.requests),
    errors: Number(r.errors),
    inputTokens: Number(r.input_tokens),
    outputTokens: Number(r.output_tokens),
    costMicroUsd: Number(r.cost_micro_usd),
  }));
}

/** Requests and spend per time bucket (UTC hour or day) and per connection or provider. */
export async function seriesUsage({ by, bucket, ...scope }: Scope & { by: "connection" | "provider"; bucket: Bucket }): Promise<UsageSeriesRow[]> {
  const step = sql.lit(bucket === "hour" ? 3_600_000 : 86_400_000);
  const bucketExpr = sql<number>`(usage_records.created_at / ${step}) * ${step}`;
  const keyExpr = by === "connection" ? connectionKey : sql<string>`usage_records.provider`;
  const rows = await scoped(scope)
    .select([
      bucketExpr.as("bucket"),
      keyExpr.as("key"),
      connectionLabel.as("label"),
      sql<number>`count(*)`.as("requests"),
      sql<number>`coalesce(sum(usage_records.cost_micro_usd), 0)`.as("cost_micro_usd"),
    ])
    .groupBy([bucketExpr, keyExpr])
    .execute();
  return rows.map((r) => ({
    bucket: Number(r.bucket),
    key: r.key,
    label: by === "connection" ? (r.label ?? "(removed)") : r.key,
    requests: Number(r.requests),
    costMicroUsd: Number(r.cost_micro_usd),
  }));
}

/** One page of the request log, newest first, after the cursor (exclusive). */
export async function listUsagePage({ cursor, limit, ...scope }: Scope & { cursor: LogCursor | null; limit: number }): Promise<UsageLogRow[]> {
  let q = scoped(scope);
  if (cursor) {
    q = q.where((eb) =>
      eb.or([
        eb("usage_records.created_at", "<", cursor.createdAt),
        eb.and([eb("usage_records.created_at", "=", cursor.createdAt), eb("usage_records.id", "<", cursor.id)]),
      ]),
    );
  }
  const rows = await q
    .select([
      "usage_records.id",
      "usage_records.created_at",
      "usage_records.connection_id",
      sql<string | null>`CASE WHEN ${isKeyTest} THEN ${KEY_TESTS.label} ELSE connections.name END`.as("connection_name"),
      "usage_records.provider",
      "usage_records.model",
      "usage_records.status",
      "usage_records.error_code",
      "usage_records.input_tokens",
      "usage_records.output_tokens",
      "usage_records.cached_tokens",
      "usage_records.cost_micro_usd",
      "usage_records.latency_ms",
      "usage_records.streamed",
      "usage_records.api",
    ])
    .orderBy("usage_records.created_at", "desc")
    .orderBy("usage_records.id", "desc")
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    connectionId: r.connection_id,
    connectionName: r.connection_name,
    provider: r.provider,
    model: r.model,
    status: r.status,
    errorCode: r.error_code,
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    cachedTokens: r.cached_tokens,
    costMicroUsd: r.cost_micro_usd,
    latencyMs: r.latency_ms,
    streamed: r.streamed === 1,
    api: r.api as UsageLogRow["api"],
  }));
}
