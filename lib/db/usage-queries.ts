import type { Db } from "./client";

export interface UsageRow {
  id: string;
  createdAt: number;
  connectionId: string;
  connectionName: string | null;
  provider: string;
  model: string;
  status: number;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  costMicroUsd: number;
  latencyMs: number;
  streamed: boolean;
}

/** The person's most recent gateway requests (never prompts or completions), newest first. */
export async function listRecentUsage({ db, userId, limit = 50 }: { db: Db; userId: string; limit?: number }): Promise<UsageRow[]> {
  const rows = await db
    .selectFrom("usage_records")
    .leftJoin("connections", "connections.id", "usage_records.connection_id")
    .select([
      "usage_records.id",
      "usage_records.created_at",
      "usage_records.connection_id",
      "connections.name as connection_name",
      "usage_records.provider",
      "usage_records.model",
      "usage_records.status",
      "usage_records.input_tokens",
      "usage_records.output_tokens",
      "usage_records.cached_tokens",
      "usage_records.cost_micro_usd",
      "usage_records.latency_ms",
      "usage_records.streamed",
    ])
    .where("usage_records.user_id", "=", userId)
    .orderBy("usage_records.created_at", "desc")
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
    inputTokens: r.input_tokens,
    outputTokens: r.output_tokens,
    cachedTokens: r.cached_tokens,
    costMicroUsd: r.cost_micro_usd,
    latencyMs: r.latency_ms,
    streamed: r.streamed === 1,
  }));
}
