import type { UsageEntry } from "../account/ledger-types";
import { runBatch } from "./batch";
import type { Db } from "./client";

// Writes a batch of usage records queued by the account's Durable Object, and moves each
// connection's last_used_at forward, in one D1 batch (one transaction: all or nothing, so a
// retried flush never writes a record twice).

/** D1 allows 100 bound parameters per statement: 15 columns → 6 rows per insert. */
const ROWS_PER_INSERT = 6;

export async function flushUsage({ d1, db, userId, entries }: { d1: D1Database; db: Db; userId: string; entries: UsageEntry[] }): Promise<void> {
  if (entries.length === 0) return;
  const queries = [];
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    queries.push(
      db.insertInto("usage_records").values(
        entries.slice(i, i + ROWS_PER_INSERT).map((e) => ({
          id: crypto.randomUUID(),
          user_id: userId,
          connection_id: e.connectionId,
          provider: e.provider,
          model: e.model,
          status: e.status,
          error_code: e.errorCode,
          input_tokens: e.inputTokens,
          output_tokens: e.outputTokens,
          cached_tokens: e.cachedTokens,
          cost_micro_usd: e.costMicroUsd,
          latency_ms: e.latencyMs,
          streamed: e.streamed ? 1 : 0,
          // Records queued by an object before the field existed are chat completions.
          api: e.api ?? "chat",
          created_at: e.at,
        })),
      ),
    );
  }
  const lastUsed = new Map<string, number>();
  for (const e of entries) lastUsed.set(e.connectionId, Math.max(lastUsed.get(e.connectionId) ?? 0, e.at));
  const updates = [...lastUsed].map(([connectionId, at]) =>
    db
      .updateTable("connections")
      .set({ last_used_at: at })
      .where("id", "=", connectionId)
      .where("user_id", "=", userId)
      .where((eb) => eb.or([eb("last_used_at", "is", null), eb("last_used_at", "<", at)])),
  );
  await runBatch({ d1, statements: [...queries, ...updates] });
}
