// The account's limits ledger on the Durable Object's SQLite storage: connection status,
// monthly spend (per connection and for the whole account), reservations with leases, the
// rpm log, and usage records waiting to be written to D1. The decisions themselves are the
// pure functions in lib/limits; this file only reads and writes their inputs and outputs.
// Every method runs synchronously inside the object, so no two requests interleave in it.
// Figures read on every admission (a connection's status, the account cap, a scope's spend and
// held reservations this month) are also kept in memory, filled on first read and changed only together with the
// row that holds them (this class is their only writer); an evicted object starts empty and
// reads them again, so nothing an eviction loses can loosen a limit.
import { decideAdmission, type ConnectionStatus } from "../lib/limits/admission";
import { monthKey, nextMonthStart } from "../lib/limits/month";
import { RATE_WINDOW_MS } from "../lib/limits/sliding-window";
import { RememberedTotals } from "../lib/limits/remembered-totals";
import type { BeginInput, BeginResult, ConnectionSpend, FinishInput, SpendSummary, UsageEntry } from "../lib/account/ledger-types";

const ACCOUNT_SCOPE = "*";

const SCHEMA = [
  "CREATE TABLE IF NOT EXISTS connection_state (connection_id TEXT PRIMARY KEY, status TEXT NOT NULL, updated_at INTEGER NOT NULL)",
  "CREATE TABLE IF NOT EXISTS spend (scope TEXT NOT NULL, month TEXT NOT NULL, spent INTEGER NOT NULL, requests INTEGER NOT NULL, PRIMARY KEY (scope, month))",
  "CREATE TABLE IF NOT EXISTS reservations (id TEXT PRIMARY KEY, connection_id TEXT NOT NULL, month TEXT NOT NULL, amount INTEGER NOT NULL, lease_until INTEGER NOT NULL, pending TEXT NOT NULL, started_at INTEGER NOT NULL)",
  "CREATE INDEX IF NOT EXISTS reservations_lease ON reservations(lease_until)",
  "CREATE TABLE IF NOT EXISTS rate_log (connection_id TEXT NOT NULL, at INTEGER NOT NULL)",
  "CREATE INDEX IF NOT EXISTS rate_log_connection ON rate_log(connection_id, at)",
  "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
  "CREATE TABLE IF NOT EXISTS pending_usage (seq INTEGER PRIMARY KEY AUTOINCREMENT, entry TEXT NOT NULL)",
];

export class AccountLedger {
  private readonly statuses = new Map<string, ConnectionStatus>();
  /** undefined: not read yet. */
  private cap: number | null | undefined = undefined;
  /** Spent, and held by reservations, per scope (a connection, or the account) and month. */
  private readonly spent = new RememberedTotals();
  private readonly reserved = new RememberedTotals();
  /** Whether usage records wait for D1 (undefined: not known). */
  private pending: boolean | undefined = undefined;

  constructor(private readonly sql: SqlStorage) {
    for (const statement of SCHEMA) sql.exec(statement);
  }

  begin(input: BeginInput, now: number): BeginResult {
    const month = monthKey(now);
    // Without an rpm limit the log is neither read nor written.
    const log =
      input.rpm === null
        ? []
        : this.sql
            .exec<{ at: number }>("SELECT at FROM rate_log WHERE connection_id = ? AND at > ? ORDER BY at", input.connectionId, now - RATE_WINDOW_MS)
            .toArray()
            .map((r) => r.at);
    const decision = decideAdmission({
      now,
      status: this.status(input.connectionId),
      budgetMicroUsd: input.budgetMicroUsd,
      rpm: input.rpm,
      accountCapMicroUsd: this.accountCap(),
      connection: this.figures(input.connectionId, month),
      account: this.figures(ACCOUNT_SCOPE, month),
      rateLog: log,
      costMicroUsd: input.costMicroUsd,
      fit: input.fit ?? null,
      fitOutput: input.fitOutput === true,
    });
    if (!decision.ok) {
      const { ok: _, ...refusal } = decision;
      return { ok: false, ...refusal, resetsAt: nextMonthStart(now) };
    }
    // Entries out of the window are never read again; pruneRateLog drops them off the request's path.
    if (input.rpm !== null) this.sql.exec("INSERT INTO rate_log (connection_id, at) VALUES (?, ?)", input.connectionId, now);
    const reservationId = crypto.randomUUID();
    this.sql.exec(
      "INSERT INTO reservations (id, connection_id, month, amount, lease_until, pending, started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
      reservationId,
      input.connectionId,
      month,
      decision.reserveMicroUsd,
      now + input.leaseMs,
      JSON.stringify(input.pending),
      now,
    );
    this.hold(input.connectionId, month, decision.reserveMicroUsd);
    return { ok: true, reservationId, rate: decision.rate, budgetRemainingMicroUsd: decision.budgetRemainingMicroUsd, reservedMicroUsd: decision.reserveMicroUsd, fitted: decision.fitted };
  }

  /**
   * Settles a reservation at its real cost (or records a request refused before it), and queues
   * its usage record. Nobody waits for it (the gateway computed what it told the client).
   */
  finish(input: FinishInput, now: number): void {
    let month = monthKey(now);
    if (input.reservationId !== null) {
      const held = this.sql.exec<{ month: string; amount: number }>("DELETE FROM reservations WHERE id = ? AND connection_id = ? RETURNING month, amount", input.reservationId, input.entry.connectionId).toArray()[0];
      // Already settled by the lease alarm (at its full reservation): nothing more to charge.
      if (!held) return;
      month = held.month;
      this.hold(input.entry.connectionId, month, -held.amount);
    }
    this.charge({ connectionId: input.entry.connectionId, month, amount: input.entry.costMicroUsd });
    this.queue(input.entry);
  }

  /**
   * Undoes an admission whose request never started (its policy failed verification after the
   * object admitted it): the hold and its rpm slot go, nothing is charged or recorded.
   */
  release({ connectionId, reservationId }: { connectionId: string; reservationId: string }): void {
    const held = this.sql.exec<{ started_at: number; month: string; amount: number }>("DELETE FROM reservations WHERE id = ? AND connection_id = ? RETURNING started_at, month, amount", reservationId, connectionId).toArray()[0];
    if (!held) return;
    this.hold(connectionId, held.month, -held.amount);
    this.sql.exec("DELETE FROM rate_log WHERE rowid IN (SELECT rowid FROM rate_log WHERE connection_id = ? AND at = ? LIMIT 1)", connectionId, held.started_at);
  }

  /** Reservations whose lease ran out (their worker died): charged in full, since what they cost is unknown. */
  expireLeases(now: number): number {
    const expired = this.sql.exec<{ id: string; connection_id: string; month: string; amount: number; pending: string; started_at: number }>("SELECT * FROM reservations WHERE lease_until <= ?", now).toArray();
    for (const r of expired) {
      this.sql.exec("DELETE FROM reservations WHERE id = ?", r.id);
      this.hold(r.connection_id, r.month, -r.amount);
      this.charge({ connectionId: r.connection_id, month: r.month, amount: r.amount });
      const pending = JSON.parse(r.pending) as BeginInput["pending"];
      this.queue({ ...pending, status: 504, errorCode: "lease_expired", inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicroUsd: r.amount, latencyMs: now - r.started_at, at: now });
    }
    return expired.length;
  }

  /** Drops rpm log entries that have left every window (the alarm's work, not a request's). */
  pruneRateLog(now: number): void {
    this.sql.exec("DELETE FROM rate_log WHERE at <= ?", now - RATE_WINDOW_MS);
  }

  /** Queues a usage record for the next batch to D1 (a request refused here writes one too). */
  queue(entry: UsageEntry): void {
    this.sql.exec("INSERT INTO pending_usage (entry) VALUES (?)", JSON.stringify(entry));
    this.pending = true;
  }

  takePending(limit: number): { lastSeq: number; entries: UsageEntry[] } {
    const rows = this.sql.exec<{ seq: number; entry: string }>("SELECT seq, entry FROM pending_usage ORDER BY seq LIMIT ?", limit).toArray();
    return { lastSeq: rows.at(-1)?.seq ?? 0, entries: rows.map((r) => JSON.parse(r.entry) as UsageEntry) };
  }

  dropPending(upToSeq: number): void {
    this.sql.exec("DELETE FROM pending_usage WHERE seq <= ?", upToSeq);
    this.pending = undefined;
  }

  hasPending(): boolean {
    this.pending ??= this.sql.exec<{ n: number }>("SELECT EXISTS (SELECT 1 FROM pending_usage) AS n").one().n === 1;
    return this.pending;
  }

  nextLeaseExpiry(): number | null {
    return this.sql.exec<{ t: number | null }>("SELECT MIN(lease_until) AS t FROM reservations").one().t;
  }

  setStatus(connectionId: string, status: ConnectionStatus, now: number): void {
    // Revocation is final: nothing brings a revoked connection back.
    if (this.status(connectionId) === "revoked") return;
    this.sql.exec(
      "INSERT INTO connection_state (connection_id, status, updated_at) VALUES (?, ?, ?) ON CONFLICT(connection_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at",
      connectionId,
      status,
      now,
    );
    this.statuses.set(connectionId, status);
    if (status === "revoked") this.sql.exec("DELETE FROM rate_log WHERE connection_id = ?", connectionId);
  }

  status(connectionId: string): ConnectionStatus {
    const known = this.statuses.get(connectionId);
    if (known !== undefined) return known;
    const row = this.sql.exec<{ status: ConnectionStatus }>("SELECT status FROM connection_state WHERE connection_id = ?", connectionId).toArray()[0];
    const status = row?.status ?? "active";
    this.statuses.set(connectionId, status);
    return status;
  }

  accountCap(): number | null {
    if (this.cap === undefined) {
      const row = this.sql.exec<{ value: string }>("SELECT value FROM settings WHERE key = 'account_cap'").toArray()[0];
      this.cap = row ? Number(row.value) : null;
    }
    return this.cap;
  }

  setAccountCap(microUsd: number | null): void {
    if (microUsd === null) this.sql.exec("DELETE FROM settings WHERE key = 'account_cap'");
    else this.sql.exec("INSERT INTO settings (key, value) VALUES ('account_cap', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", String(microUsd));
    this.cap = microUsd;
  }

  summary(now: number): SpendSummary {
    const month = monthKey(now);
    const spend = this.sql.exec<{ scope: string; spent: number; requests: number }>("SELECT scope, spent, requests FROM spend WHERE month = ?", month).toArray();
    const reserved = this.sql.exec<{ connection_id: string; amount: number }>("SELECT connection_id, SUM(amount) AS amount FROM reservations WHERE month = ? GROUP BY connection_id", month).toArray();
    const statuses = this.sql.exec<{ connection_id: string; status: ConnectionStatus }>("SELECT connection_id, status FROM connection_state").toArray();
    const connections: SpendSummary["connections"] = {};
    const entry = (id: string) => (connections[id] ??= { spentMicroUsd: 0, reservedMicroUsd: 0, requests: 0, status: "active" });
    for (const s of spend) if (s.scope !== ACCOUNT_SCOPE) Object.assign(entry(s.scope), { spentMicroUsd: s.spent, requests: s.requests });
    for (const r of reserved) entry(r.connection_id).reservedMicroUsd = r.amount;
    for (const s of statuses) entry(s.connection_id).status = s.status;
    const account = spend.find((s) => s.scope === ACCOUNT_SCOPE);
    return {
      month,
      resetsAt: nextMonthStart(now),
      accountCapMicroUsd: this.accountCap(),
      account: { spentMicroUsd: account?.spent ?? 0, reservedMicroUsd: reserved.reduce((sum, r) => sum + r.amount, 0), requests: account?.requests ?? 0 },
      connections,
    };
  }

  /** One connection's spend this month (the same figures the summary has for it). */
  connectionSpend(connectionId: string, now: number): ConnectionSpend {
    const month = monthKey(now);
    const { spentMicroUsd, reservedMicroUsd } = this.figures(connectionId, month);
    const requests = this.sql.exec<{ requests: number }>("SELECT requests FROM spend WHERE scope = ? AND month = ?", connectionId, month).toArray()[0]?.requests ?? 0;
    return { month, resetsAt: nextMonthStart(now), spentMicroUsd, reservedMicroUsd, requests };
  }

  private charge({ connectionId, month, amount }: { connectionId: string; month: string; amount: number }): void {
    for (const scope of [connectionId, ACCOUNT_SCOPE]) {
      this.sql.exec(
        "INSERT INTO spend (scope, month, spent, requests) VALUES (?, ?, ?, 1) ON CONFLICT(scope, month) DO UPDATE SET spent = spent + excluded.spent, requests = requests + 1",
        scope,
        month,
        amount,
      );
      this.spent.add(scope, month, amount);
    }
  }

  /** A reservation's rows changed by `amount` (added, or settled/released/expired when negative). */
  private hold(connectionId: string, month: string, amount: number): void {
    this.reserved.add(connectionId, month, amount);
    this.reserved.add(ACCOUNT_SCOPE, month, amount);
  }

  private figures(scope: string, month: string): { spentMicroUsd: number; reservedMicroUsd: number } {
    const spent = this.spent.get(scope, month, () => this.sql.exec<{ spent: number }>("SELECT spent FROM spend WHERE scope = ? AND month = ?", scope, month).toArray()[0]?.spent ?? 0);
    const reserved = this.reserved.get(scope, month, () =>
      scope === ACCOUNT_SCOPE
        ? (this.sql.exec<{ n: number | null }>("SELECT SUM(amount) AS n FROM reservations WHERE month = ?", month).one().n ?? 0)
        : (this.sql.exec<{ n: number | null }>("SELECT SUM(amount) AS n FROM reservations WHERE connection_id = ? AND month = ?", scope, month).one().n ?? 0),
    );
    return { spentMicroUsd: spent, reservedMicroUsd: reserved };
  }
}
