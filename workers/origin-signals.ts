// The account object's memory of recent "used from an unlisted origin" signals (decision 022),
// on its SQLite so that the bound holds across restarts; the decision is lib/audit/origin-signal.ts.
import { ORIGIN_SIGNAL_INTERVAL_MS, shouldRecordOriginSignal } from "../lib/audit/origin-signal";

const SCHEMA = "CREATE TABLE IF NOT EXISTS origin_signals (connection_id TEXT NOT NULL, origin TEXT NOT NULL, at INTEGER NOT NULL, PRIMARY KEY (connection_id, origin))";

export class OriginSignals {
  constructor(private readonly sql: SqlStorage) {
    sql.exec(SCHEMA);
  }

  /** True when this refusal should reach the person's activity list (and remembers that it did). */
  take({ connectionId, origin, now }: { connectionId: string; origin: string; now: number }): boolean {
    this.sql.exec("DELETE FROM origin_signals WHERE at <= ?", now - ORIGIN_SIGNAL_INTERVAL_MS);
    const recent = this.sql.exec<{ origin: string; at: number }>("SELECT origin, at FROM origin_signals WHERE connection_id = ?", connectionId).toArray();
    if (!shouldRecordOriginSignal({ recent, origin, now })) return false;
    this.sql.exec("INSERT OR REPLACE INTO origin_signals (connection_id, origin, at) VALUES (?, ?, ?)", connectionId, origin, now);
    return true;
  }

  /** A signal that could not be recorded is not remembered, so that the next refusal tries again. */
  forget({ connectionId, origin, at }: { connectionId: string; origin: string; at: number }): void {
    this.sql.exec("DELETE FROM origin_signals WHERE connection_id = ? AND origin = ? AND at = ?", connectionId, origin, at);
  }
}
