import { DurableObject } from "cloudflare:workers";
import { createDb } from "../lib/db/client";
import { flushUsage } from "../lib/db/usage-flush";
import type { ConnectionStatus } from "../lib/limits/admission";
import { REFUSALS } from "../lib/limits/refusals";
import type { BeginInput, BeginResult, FinishInput, FinishResult, SpendSummary } from "../lib/account/ledger-types";
import { AccountLedger } from "./account-ledger";

// One Durable Object per account (named by the account's user id): the strongly consistent
// home of everything that must not race. A gateway request calls begin() before the upstream
// call (status, rpm, budget reservation with a lease) and finish() after it (settle, queue the
// usage record); usage records reach D1 in batches from the alarm, which also settles leases
// whose worker died. It also counts live dashboard streams (in memory).

export interface AccountSnapshot {
  accountId: string;
  createdAt: number;
  calls: number;
  liveStreams: number;
}

interface Env {
  DB: D1Database;
}

/** Usage records are written to D1 at most this long after their request ends. */
const FLUSH_DELAY_MS = 1_000;
const FLUSH_BATCH = 200;
const RETRY_DELAY_MS = 5_000;

export class AccountDurableObject extends DurableObject<Env> {
  private liveStreams = 0;
  private readonly ledger: AccountLedger;
  /** The account this object is bound to, once checked (saves two statements per call). */
  private boundTo: string | null = null;
  /** The alarm as last set or read (undefined: not read since the object started). */
  private alarmAt: number | null | undefined = undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY CHECK (id = 1), account_id TEXT NOT NULL, created_at INTEGER NOT NULL, calls INTEGER NOT NULL)",
    );
    this.ledger = new AccountLedger(this.ctx.storage.sql);
  }

  /** Records one call and returns the account's snapshot; binds the object to `accountId` on first use. */
  async touch(accountId: string): Promise<AccountSnapshot> {
    const row = this.bind(accountId, true);
    return { accountId: row.account_id, createdAt: row.created_at, calls: row.calls, liveStreams: this.liveStreams };
  }

  /** A dashboard opened (+1) or closed (-1) a live stream. */
  async countLiveStream(delta: 1 | -1): Promise<number> {
    this.liveStreams = Math.max(0, this.liveStreams + delta);
    return this.liveStreams;
  }

  /** Before the upstream call: may this request start? Holds its worst-case cost if so. */
  async begin(input: BeginInput): Promise<BeginResult> {
    this.ensureBound(input.accountId);
    const now = Date.now();
    const result = this.ledger.begin(input, now);
    if (!result.ok) {
      const refusal = REFUSALS[result.reason];
      this.ledger.queue({ ...input.pending, status: refusal.status, errorCode: refusal.code, inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicroUsd: 0, latencyMs: 0, at: now });
    }
    await this.schedule(now);
    return result;
  }

  /** After the upstream call: settle the reservation at the real cost and queue the usage record. */
  async finish(input: FinishInput): Promise<FinishResult> {
    this.ensureBound(input.accountId);
    const now = Date.now();
    const result = this.ledger.finish(input, now);
    await this.schedule(now);
    return result;
  }

  /** Kill switch and pause: takes effect for the very next begin(); revocation is final. */
  async setConnectionStatus({ accountId, connectionIds, status }: { accountId: string; connectionIds: string[]; status: ConnectionStatus }): Promise<void> {
    this.ensureBound(accountId);
    const now = Date.now();
    for (const id of connectionIds) this.ledger.setStatus(id, status, now);
  }

  async setAccountCap({ accountId, capMicroUsd }: { accountId: string; capMicroUsd: number | null }): Promise<void> {
    this.ensureBound(accountId);
    if (capMicroUsd !== null && (!Number.isSafeInteger(capMicroUsd) || capMicroUsd < 0)) throw new RangeError("capMicroUsd must be a non-negative safe integer or null");
    this.ledger.setAccountCap(capMicroUsd);
  }

  /**
   * What a session alone may do to the account-wide cap (security model v1.1): set it only if that
   * restricts (a cap where there was none, or a lower one), decided here where nothing can race it.
   * Raising or removing it goes through setAccountCap after the vault's signature was checked.
   */
  async restrictAccountCap({ accountId, capMicroUsd }: { accountId: string; capMicroUsd: number }): Promise<{ applied: boolean }> {
    this.ensureBound(accountId);
    if (!Number.isSafeInteger(capMicroUsd) || capMicroUsd < 0) throw new RangeError("capMicroUsd must be a non-negative safe integer");
    const current = this.ledger.accountCap();
    if (current !== null && capMicroUsd > current) return { applied: false };
    this.ledger.setAccountCap(capMicroUsd);
    return { applied: true };
  }

  async spendSummary({ accountId }: { accountId: string }): Promise<SpendSummary> {
    this.ensureBound(accountId);
    return this.ledger.summary(Date.now());
  }

  /** Account deletion: everything the object holds is erased (usage not yet written is dropped with it). */
  async erase({ accountId }: { accountId: string }): Promise<void> {
    this.ensureBound(accountId);
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.alarmAt = null;
    this.boundTo = null;
  }

  /** Writes queued usage records to D1 (one batch) and settles expired leases. */
  async flush(): Promise<number> {
    const now = Date.now();
    this.ledger.expireLeases(now);
    const { lastSeq, entries } = this.ledger.takePending(FLUSH_BATCH);
    if (entries.length > 0) {
      const accountId = this.accountId();
      if (accountId) await flushUsage({ d1: this.env.DB, db: createDb(this.env.DB), userId: accountId, entries });
      this.ledger.dropPending(lastSeq);
    }
    return entries.length;
  }

  async alarm(): Promise<void> {
    this.alarmAt = null; // this one has fired
    try {
      await this.flush();
    } catch {
      // D1 unreachable: the records stay queued; try again shortly.
      this.alarmAt = Date.now() + RETRY_DELAY_MS;
      await this.ctx.storage.setAlarm(this.alarmAt);
      return;
    }
    await this.schedule(Date.now());
  }

  private async schedule(now: number): Promise<void> {
    const wanted = [this.ledger.hasPending() ? now + FLUSH_DELAY_MS : null, this.ledger.nextLeaseExpiry()].filter((t): t is number => t !== null);
    if (wanted.length === 0) return;
    const at = Math.min(...wanted);
    if (this.alarmAt === undefined) this.alarmAt = await this.ctx.storage.getAlarm();
    if (this.alarmAt === null || this.alarmAt > at) {
      this.alarmAt = at;
      await this.ctx.storage.setAlarm(at);
    }
  }

  private accountId(): string | null {
    return this.ctx.storage.sql.exec<{ account_id: string }>("SELECT account_id FROM account WHERE id = 1").toArray()[0]?.account_id ?? null;
  }

  private ensureBound(accountId: string): void {
    if (this.boundTo !== null && this.boundTo === accountId) return;
    this.bind(accountId, false);
    this.boundTo = accountId;
  }

  private bind(accountId: string, count: boolean): { account_id: string; created_at: number; calls: number } {
    if (typeof accountId !== "string" || accountId.length === 0) throw new TypeError("accountId must be a non-empty string");
    const sql = this.ctx.storage.sql;
    sql.exec(
      `INSERT INTO account (id, account_id, created_at, calls) VALUES (1, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET calls = calls + ?`,
      accountId,
      Date.now(),
      count ? 1 : 0,
      count ? 1 : 0,
    );
    const row = sql.exec<{ account_id: string; created_at: number; calls: number }>("SELECT account_id, created_at, calls FROM account WHERE id = 1").one();
    if (row.account_id !== accountId) throw new Error("this account object belongs to another account");
    return row;
  }
}
