import { DurableObject } from "cloudflare:workers";
import type { AdmitInput, AdmitResult, ConnectionChange } from "../lib/account/gateway-view";
import { createDb } from "../lib/db/client";
import { loadStoredConnection, recordKeyCheck, replaceServerWrapRow } from "../lib/db/connection-queries";
import { flushUsage } from "../lib/db/usage-flush";
import type { ConnectionStatus } from "../lib/limits/admission";
import { REFUSALS } from "../lib/limits/refusals";
import type { BeginInput, BeginResult, ConnectionSpend, FinishInput, SpendSummary } from "../lib/account/ledger-types";
import { logError } from "../lib/errors/log-error";
import { AccountLedger } from "./account-ledger";
import { admitRequest } from "./admit-request";
import { ConnectionViews } from "./connection-views";
import { OriginSignals } from "./origin-signals";
import { describeRefusedOrigin } from "../lib/audit/origin-signal";
import { recordAudit } from "../lib/db/audit-queries";

// One Durable Object per account (named by the account's user id): the strongly consistent
// home of everything that must not race, and the gateway's view of each connection (decision
// 014). A gateway request makes one call before the upstream call, admit() (the connection's
// sealed material, its status, rpm and budget reservation with a lease, all at once), and one
// after it, finish() (settle, queue the usage record); usage records reach D1 in batches from
// the alarm, which also settles leases whose worker died. Writers of connections announce
// their changes (stageConnectionChanges), write D1, then confirm (commitConnectionChanges).
// It also counts live dashboard streams (in memory).

export interface AccountSnapshot {
  accountId: string;
  createdAt: number;
  calls: number;
  liveStreams: number;
}

interface Env {
  DB: D1Database;
}

const ACCOUNT_TABLE = "CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY CHECK (id = 1), account_id TEXT NOT NULL, created_at INTEGER NOT NULL, calls INTEGER NOT NULL)";

/** Usage records are written to D1 at most this long after their request ends. */
const FLUSH_DELAY_MS = 1_000;
const FLUSH_BATCH = 200;
const RETRY_DELAY_MS = 5_000;

export class AccountDurableObject extends DurableObject<Env> {
  private liveStreams = 0;
  private ledger!: AccountLedger;
  private views!: ConnectionViews;
  private originSignals!: OriginSignals;
  /** The account this object is bound to, once checked (saves two statements per call). */
  private boundTo: string | null = null;
  /** The alarm as last set or read (undefined: not read since the object started). */
  private alarmAt: number | null | undefined = undefined;

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.ctx.storage.sql.exec(ACCOUNT_TABLE);
    this.openStorage();
  }

  /** The ledger and the connection views on the object's SQLite (again after an erase, which drops every table). */
  private openStorage(): void {
    this.ledger = new AccountLedger(this.ctx.storage.sql);
    this.originSignals = new OriginSignals(this.ctx.storage.sql);
    this.views = new ConnectionViews(this.ctx.storage.sql, this.ledger, (connectionId) => loadStoredConnection({ db: createDb(this.env.DB), connectionId }));
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

  /**
   * Before the upstream call, in one round trip: the connection's sealed material for a token
   * whose verifier matches, and (when asked) the admission decision, reserved at once.
   */
  async admit(input: AdmitInput): Promise<AdmitResult> {
    this.ensureBound(input.accountId);
    let entry = this.views.get(input.connectionId);
    if (!entry || entry.dirty) entry = await this.views.reread({ accountId: input.accountId, connectionId: input.connectionId });
    const now = Date.now();
    const result = admitRequest({ input, entry, status: this.ledger.status(input.connectionId), now, begin: (beginInput) => this.beginNow(beginInput, now) });
    if (result.ok && result.admission) await this.schedule(now);
    if (!result.ok && result.reason === "origin" && input.origin) this.signalOrigin({ accountId: input.accountId, connectionId: input.connectionId, origin: input.origin, now });
    return result;
  }

  /** A page on an origin the policy does not list used the token: the person's activity says so, boundedly (decision 022). */
  private signalOrigin({ accountId, connectionId, origin, now }: { accountId: string; connectionId: string; origin: string; now: number }): void {
    const described = describeRefusedOrigin(origin);
    if (!this.originSignals.take({ connectionId, origin: described, now })) return;
    const db = createDb(this.env.DB);
    const record = async () => {
      const row = await db.selectFrom("connections").select(["name"]).where("id", "=", connectionId).where("user_id", "=", accountId).executeTakeFirst();
      await recordAudit({ db, userId: accountId, kind: "origin_refused", detail: { name: row?.name ?? null, origin: described }, now });
    };
    const failed = (error: unknown) => {
      this.originSignals.forget({ connectionId, origin: described, at: now });
      logError({ where: "origin signal", error });
    };
    this.ctx.waitUntil(record().catch(failed));
  }

  /** Admission without the connection's material (the ledger's own primitive). */
  async begin(input: BeginInput): Promise<BeginResult> {
    this.ensureBound(input.accountId);
    const now = Date.now();
    const result = this.beginNow(input, now);
    await this.schedule(now);
    return result;
  }

  /** An admission whose policy failed verification: its hold and rpm slot go, nothing is recorded. */
  async release({ accountId, connectionId, reservationId }: { accountId: string; connectionId: string; reservationId: string }): Promise<void> {
    this.ensureBound(accountId);
    this.ledger.release({ connectionId, reservationId });
  }

  /** After the upstream call: settle the reservation at the real cost and queue the usage record. */
  async finish(input: FinishInput): Promise<void> {
    this.ensureBound(input.accountId);
    const now = Date.now();
    this.ledger.finish(input, now);
    if (input.keyVerdict) this.views.recordKeyVerdict(input.keyVerdict);
    await this.schedule(now);
    if (input.keyVerdict) {
      const { itemId, keyVersion, status } = input.keyVerdict;
      await recordKeyCheck({ db: createDb(this.env.DB), userId: input.accountId, itemId, keyVersion, status, now }).catch((error: unknown) => logError({ where: "key verdict", error }));
    }
  }

  /** Kill switch and pause: takes effect for the very next admit(); revocation is final (and drops the material). */
  async setConnectionStatus({ accountId, connectionIds, status }: { accountId: string; connectionIds: string[]; status: ConnectionStatus }): Promise<void> {
    this.ensureBound(accountId);
    const now = Date.now();
    for (const id of connectionIds) this.ledger.setStatus(id, status, now);
    if (status === "revoked") this.views.dropMaterial(connectionIds);
  }

  /** A writer is about to change these connections in D1 (decision 014). Returns the id to confirm with. */
  async stageConnectionChanges({ accountId, changes }: { accountId: string; changes: ConnectionChange[] }): Promise<string> {
    this.ensureBound(accountId);
    return this.views.stage({ changes, now: Date.now() });
  }

  /** The writer's D1 write is done (or failed): re-read its connections, then forget its announcement. */
  async commitConnectionChanges({ accountId, intentId }: { accountId: string; intentId: string }): Promise<void> {
    this.ensureBound(accountId);
    await this.views.commit({ accountId, intentId });
  }

  /** Reads these connections from D1 now (a new connection, so its first request needs no read). */
  async syncConnections({ accountId, connectionIds }: { accountId: string; connectionIds: string[] }): Promise<void> {
    this.ensureBound(accountId);
    await Promise.all(connectionIds.map((connectionId) => this.views.reread({ accountId, connectionId })));
  }

  /** The gateway re-made a connection's SK layer with the current secret: the copy and D1 move to it. */
  async replaceServerWrap({ accountId, connectionId, fromSkId, ckServer, skId }: { accountId: string; connectionId: string; fromSkId: string; ckServer: string; skId: string }): Promise<void> {
    this.ensureBound(accountId);
    if (this.ledger.status(connectionId) === "revoked") return;
    this.views.replaceServerWrap({ connectionId, fromSkId, ckServer, skId });
    await replaceServerWrapRow({ db: createDb(this.env.DB), userId: accountId, connectionId, fromSkId, ckServer, skId });
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

  /** One connection's month, for its own token's status (the gateway authenticated the token first). */
  async connectionSpend({ accountId, connectionId }: { accountId: string; connectionId: string }): Promise<ConnectionSpend> {
    this.ensureBound(accountId);
    return this.ledger.connectionSpend(connectionId, Date.now());
  }

  /** Account deletion: everything the object holds is erased (usage not yet written is dropped with it). */
  async erase({ accountId }: { accountId: string }): Promise<void> {
    this.ensureBound(accountId);
    await this.ctx.storage.deleteAlarm();
    await this.ctx.storage.deleteAll();
    this.ctx.storage.sql.exec(ACCOUNT_TABLE);
    this.openStorage();
    this.alarmAt = null;
    this.boundTo = null;
  }

  /** Writes queued usage records to D1 (one batch) and settles expired leases. */
  async flush(): Promise<number> {
    const now = Date.now();
    this.ledger.expireLeases(now);
    this.ledger.pruneRateLog(now);
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

  /** The ledger's admission; a refusal is recorded here (its usage record is queued at once). */
  private beginNow(input: BeginInput, now: number): BeginResult {
    const result = this.ledger.begin(input, now);
    if (!result.ok) {
      const refusal = REFUSALS[result.reason];
      this.ledger.queue({ ...input.pending, status: refusal.status, errorCode: refusal.code, inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicroUsd: 0, latencyMs: 0, at: now });
    }
    return result;
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
