import { DurableObject } from "cloudflare:workers";

// One Durable Object per account (named by the account's user id). It is the
// strongly consistent home of everything that must not race: connection status,
// limits, reservations and running usage arrive here in later issues. For now it
// knows which account it belongs to, counts the calls it has served, and how many
// live dashboard streams are open (in memory: a restart closes them all anyway).

export interface AccountSnapshot {
  accountId: string;
  createdAt: number;
  calls: number;
  liveStreams: number;
}

export class AccountDurableObject extends DurableObject {
  private liveStreams = 0;

  constructor(ctx: DurableObjectState, env: unknown) {
    super(ctx, env as never);
    ctx.blockConcurrencyWhile(async () => {
      this.ctx.storage.sql.exec(
        "CREATE TABLE IF NOT EXISTS account (id INTEGER PRIMARY KEY CHECK (id = 1), account_id TEXT NOT NULL, created_at INTEGER NOT NULL, calls INTEGER NOT NULL)",
      );
    });
  }

  /** Records one call and returns the account's snapshot; binds the object to `accountId` on first use. */
  async touch(accountId: string): Promise<AccountSnapshot> {
    if (typeof accountId !== "string" || accountId.length === 0) throw new TypeError("accountId must be a non-empty string");
    const sql = this.ctx.storage.sql;
    sql.exec(
      "INSERT INTO account (id, account_id, created_at, calls) VALUES (1, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET calls = calls + 1",
      accountId,
      Date.now(),
    );
    const row = sql.exec<{ account_id: string; created_at: number; calls: number }>(
      "SELECT account_id, created_at, calls FROM account WHERE id = 1",
    ).one();
    if (row.account_id !== accountId) throw new Error("this account object belongs to another account");
    return { accountId: row.account_id, createdAt: row.created_at, calls: row.calls, liveStreams: this.liveStreams };
  }

  /** A dashboard opened (+1) or closed (-1) a live stream. */
  async countLiveStream(delta: 1 | -1): Promise<number> {
    this.liveStreams = Math.max(0, this.liveStreams + delta);
    return this.liveStreams;
  }
}
