import type { Db } from "../db/client";
import type { Usage } from "../providers/types";

// One usage record per gateway request: who, which provider and model, the outcome,
// tokens and cost. Never the prompt or the completion.

export interface UsageRecordInput {
  userId: string;
  connectionId: string;
  provider: string;
  model: string;
  status: number;
  errorCode: string | null;
  usage: Usage | null;
  costMicroUsd: number;
  latencyMs: number;
  streamed: boolean;
  at: number;
}

export async function writeUsageRecord({ db, record }: { db: Db; record: UsageRecordInput }): Promise<void> {
  await db
    .insertInto("usage_records")
    .values({
      id: crypto.randomUUID(),
      user_id: record.userId,
      connection_id: record.connectionId,
      provider: record.provider,
      model: record.model,
      status: record.status,
      error_code: record.errorCode,
      input_tokens: record.usage?.inputTokens ?? 0,
      output_tokens: record.usage?.outputTokens ?? 0,
      cached_tokens: record.usage?.cachedInputTokens ?? 0,
      cost_micro_usd: record.costMicroUsd,
      latency_ms: record.latencyMs,
      streamed: record.streamed ? 1 : 0,
      created_at: record.at,
    })
    .execute();
  await db.updateTable("connections").set({ last_used_at: record.at }).where("id", "=", record.connectionId).execute();
}
