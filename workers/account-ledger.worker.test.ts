import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { BeginInput } from "../lib/account/ledger-types";
import type { AccountDurableObject } from "./account-durable-object";
import { AccountLedger } from "./account-ledger";

// The ledger on real Durable Object SQLite storage with an injected clock: month rollover,
// a request that spans the month boundary, and the rpm window sliding.

const ns = (env as unknown as { ACCOUNT: DurableObjectNamespace<AccountDurableObject> }).ACCOUNT;
const id = "d".repeat(32);
const input = (over: Partial<BeginInput> = {}): BeginInput => ({
  accountId: "ledger-test",
  connectionId: id,
  budgetMicroUsd: 250_000,
  rpm: null,
  costMicroUsd: 100_000,
  leaseMs: 60_000,
  pending: { connectionId: id, provider: "openai", model: "gpt-4o-mini", streamed: false, api: "chat" },
  ...over,
});
const entry = (cost: number, at: number) => ({ connectionId: id, provider: "openai", model: "gpt-4o-mini", status: 200, errorCode: null, inputTokens: 1, outputTokens: 1, cachedTokens: 0, costMicroUsd: cost, latencyMs: 1, streamed: false, api: "chat" as const, at });

async function withLedger<T>(name: string, work: (ledger: AccountLedger, sql: SqlStorage) => T): Promise<T> {
  return runInDurableObject(ns.get(ns.idFromName(name)), (_instance, state) => work(new AccountLedger(state.storage.sql), state.storage.sql));
}

describe("the ledger with an injected clock", () => {
  it("month rollover resets spend (calendar months in UTC)", async () => {
    await withLedger("ledger-rollover", (ledger) => {
      const lastMinute = Date.UTC(2026, 10, 30, 23, 59);
      for (let i = 0; i < 2; i++) {
        const r = ledger.begin(input(), lastMinute);
        if (!r.ok) throw new Error("refused");
        ledger.finish({ accountId: "ledger-test", reservationId: r.reservationId, budgetMicroUsd: 250_000, entry: entry(100_000, lastMinute) }, lastMinute);
      }
      expect(ledger.begin(input(), lastMinute)).toMatchObject({ ok: false, reason: "budget_exhausted", resetsAt: Date.UTC(2026, 11, 1) });
      const december = Date.UTC(2026, 11, 1, 0, 0, 1);
      expect(ledger.begin(input(), december).ok).toBe(true);
      expect(ledger.summary(december)).toMatchObject({ month: "2026-12", account: { spentMicroUsd: 0, reservedMicroUsd: 100_000 } });
      expect(ledger.summary(lastMinute).account.spentMicroUsd).toBe(200_000);
    });
  });

  it("a request admitted in one month is charged to that month, even if it ends in the next", async () => {
    await withLedger("ledger-span", (ledger) => {
      const before = Date.UTC(2027, 0, 31, 23, 59, 59);
      const r = ledger.begin(input(), before);
      if (!r.ok) throw new Error("refused");
      const after = Date.UTC(2027, 1, 1, 0, 0, 5);
      ledger.finish({ accountId: "ledger-test", reservationId: r.reservationId, budgetMicroUsd: 250_000, entry: entry(80_000, after) }, after);
      expect(ledger.summary(before).account.spentMicroUsd).toBe(80_000);
      expect(ledger.summary(after).account.spentMicroUsd).toBe(0);
    });
  });

  it("the rpm window slides: a slot frees exactly 60 s after its request", async () => {
    await withLedger("ledger-rpm", (ledger) => {
      const t0 = Date.UTC(2027, 2, 1);
      const rpm = input({ rpm: 2, budgetMicroUsd: null });
      expect(ledger.begin(rpm, t0).ok).toBe(true);
      expect(ledger.begin(rpm, t0 + 30_000).ok).toBe(true);
      expect(ledger.begin(rpm, t0 + 59_999)).toMatchObject({ ok: false, reason: "rate_limited" });
      expect(ledger.begin(rpm, t0 + 60_000).ok).toBe(true);
      expect(ledger.begin(rpm, t0 + 60_001)).toMatchObject({ ok: false, reason: "rate_limited" });
    });
  });

  it("what it keeps in memory (status, cap, spend, holds) follows its own writes, and a ledger started after an eviction reads the same", async () => {
    await withLedger("ledger-memory", (first, sql) => {
      const t = Date.UTC(2027, 3, 1);
      const capped = input({ budgetMicroUsd: null });
      let ledger = first;
      // The object is evicted: its memory goes, the next instance reads storage. Both must decide alike.
      const evictedDecidesAlike = () => {
        const fresh = new AccountLedger(sql);
        expect(fresh.accountCap()).toBe(ledger.accountCap());
        expect(fresh.status(id)).toBe(ledger.status(id));
        expect(fresh.connectionSpend(id, t)).toEqual(ledger.connectionSpend(id, t));
        expect(fresh.summary(t)).toEqual(ledger.summary(t));
        ledger = fresh;
      };
      ledger.setAccountCap(150_000);
      const held = ledger.begin(capped, t);
      if (!held.ok) throw new Error("refused");
      ledger.finish({ accountId: "ledger-test", reservationId: held.reservationId, budgetMicroUsd: null, entry: entry(100_000, t) }, t);
      // 100,000 spent: another 100,000 does not fit the 150,000 cap.
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "account_cap_reached" });
      evictedDecidesAlike();
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "account_cap_reached" });
      ledger.setAccountCap(300_000);
      const second = ledger.begin(capped, t);
      expect(second.ok).toBe(true);
      // 100,000 spent + 100,000 held: one more fits, then none.
      const third = ledger.begin(capped, t);
      expect(third.ok).toBe(true);
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "account_cap_reached" });
      evictedDecidesAlike();
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "account_cap_reached" });
      // A released hold frees its room at once; an expired one is charged in full.
      if (third.ok) ledger.release({ connectionId: id, reservationId: third.reservationId });
      expect(ledger.connectionSpend(id, t)).toMatchObject({ spentMicroUsd: 100_000, reservedMicroUsd: 100_000 });
      expect(ledger.expireLeases(t + 60_000)).toBe(1);
      expect(ledger.connectionSpend(id, t)).toMatchObject({ spentMicroUsd: 200_000, reservedMicroUsd: 0 });
      expect(ledger.begin(capped, t).ok).toBe(true);
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "account_cap_reached" });
      evictedDecidesAlike();
      ledger.setStatus(id, "paused", t);
      evictedDecidesAlike();
      expect(ledger.begin(capped, t)).toMatchObject({ ok: false, reason: "paused" });
      ledger.setAccountCap(null);
      evictedDecidesAlike();
      expect(ledger.accountCap()).toBeNull();
    });
  });

  it("old rpm entries never count, and the alarm's prune drops only those", async () => {
    await withLedger("ledger-prune", (ledger, sql) => {
      const t0 = Date.UTC(2027, 4, 1);
      const rpm = input({ rpm: 1, budgetMicroUsd: null });
      expect(ledger.begin(rpm, t0).ok).toBe(true);
      expect(ledger.begin(rpm, t0 + 60_000).ok).toBe(true);
      const rows = () => sql.exec<{ at: number }>("SELECT at FROM rate_log ORDER BY at").toArray().map((r) => r.at);
      expect(rows()).toEqual([t0, t0 + 60_000]);
      ledger.pruneRateLog(t0 + 60_000);
      expect(rows()).toEqual([t0 + 60_000]);
      expect(ledger.begin(rpm, t0 + 60_001)).toMatchObject({ ok: false, reason: "rate_limited" });
    });
  });
});
