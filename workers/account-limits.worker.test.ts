import { env } from "cloudflare:workers";
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { BeginInput } from "../lib/account/ledger-types";
import type { AccountDurableObject } from "./account-durable-object";
import type { AccountLedger } from "./account-ledger";

// The limits ledger in the real Durable Object (workerd, SQLite storage): reservations under
// concurrency, settlement, kill switch, leases that an alarm expires, batched D1 writes.

const bindings = env as unknown as { ACCOUNT: DurableObjectNamespace<AccountDurableObject>; DB: D1Database };
const ns = bindings.ACCOUNT;

let n = 0;
function account() {
  const accountId = `limits-user-${++n}-${crypto.randomUUID()}`;
  return { accountId, stub: ns.get(ns.idFromName(accountId)) };
}

function beginInput(accountId: string, over: Partial<BeginInput> = {}): BeginInput {
  return {
    accountId,
    connectionId: "c".repeat(32),
    budgetMicroUsd: 1_000_000,
    rpm: null,
    costMicroUsd: 100_000,
    leaseMs: 60_000,
    pending: { connectionId: "c".repeat(32), provider: "openai", model: "gpt-4o-mini", streamed: false, api: "chat" },
    ...over,
  };
}

const entry = (over: Record<string, unknown> = {}) => ({
  connectionId: "c".repeat(32),
  provider: "openai",
  model: "gpt-4o-mini",
  status: 200,
  errorCode: null,
  inputTokens: 10,
  outputTokens: 5,
  cachedTokens: 0,
  costMicroUsd: 40_000,
  latencyMs: 12,
  streamed: false,
  api: "chat" as const,
  at: Date.now(),
  ...over,
});

describe("budget reservations in the account's Durable Object", () => {
  it("fit output to budget under concurrency: 50 requests, each fitted to what is left when the object decides it, never more than the budget in all", async () => {
    const { accountId, stub } = account();
    // gpt-4o-mini, 1,000 prompt tokens: 150 µ$ of prompt, 600 thousandths of a µ$ per output token.
    const fit = { curve: { inputScaled: 150_000, outputRateScaled: 600, feeMicroUsd: 0 }, maxOutputTokens: 16_384, choices: 1 };
    const worst = Math.ceil((150_000 + 16_384 * 600) / 1000);
    const budget = 55_000;
    const results = await Promise.all(Array.from({ length: 50 }, () => stub.begin(beginInput(accountId, { budgetMicroUsd: budget, costMicroUsd: worst, fit, fitOutput: true }))));
    const admitted = results.filter((r) => r.ok);
    const held = admitted.reduce((sum, r) => sum + r.reservedMicroUsd, 0);
    expect(held).toBeLessThanOrEqual(budget);
    expect((await stub.spendSummary({ accountId })).account.reservedMicroUsd).toBe(held);
    // The budget covers five full worst cases; the sixth request was fitted into what was left.
    expect(admitted.filter((r) => !r.fitted)).toHaveLength(5);
    const fitted = admitted.filter((r) => r.fitted);
    expect(fitted).toHaveLength(1);
    for (const r of fitted) {
      expect(r.fitted!.perChoice).toBeGreaterThanOrEqual(256);
      expect(r.reservedMicroUsd).toBe(Math.ceil((150_000 + r.fitted!.outputTokens * 600) / 1000));
    }
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ reason: "budget_exhausted", requestMicroUsd: worst });
  });

  it("admits exactly as many concurrent requests as the budget covers at their worst case", async () => {
    const { accountId, stub } = account();
    const results = await Promise.all(Array.from({ length: 50 }, () => stub.begin(beginInput(accountId, { budgetMicroUsd: 1_050_000 }))));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    for (const r of results.filter((r) => !r.ok)) expect(r).toMatchObject({ reason: "budget_exhausted", limitMicroUsd: 1_050_000 });
    const summary = await stub.spendSummary({ accountId });
    expect(summary.account.reservedMicroUsd).toBe(1_000_000);
  });

  it("settles at the real cost and frees the rest of the reservation", async () => {
    const { accountId, stub } = account();
    const begun = await stub.begin(beginInput(accountId));
    if (!begun.ok) throw new Error("refused");
    expect(begun.budgetRemainingMicroUsd).toBe(900_000);
    await stub.finish({ accountId, reservationId: begun.reservationId, budgetMicroUsd: 1_000_000, entry: entry({ costMicroUsd: 40_000 }) });
    // The next admission sees the real cost, not the hold: 1,000,000 − 40,000 − its own 100,000.
    const next = await stub.begin(beginInput(accountId));
    expect(next).toMatchObject({ ok: true, budgetRemainingMicroUsd: 860_000 });
    if (next.ok) await stub.release({ accountId, connectionId: "c".repeat(32), reservationId: next.reservationId });
    const summary = await stub.spendSummary({ accountId });
    expect(summary.connections["c".repeat(32)]).toMatchObject({ spentMicroUsd: 40_000, reservedMicroUsd: 0, requests: 1 });
    // Settling twice (a retried call) charges once.
    await stub.finish({ accountId, reservationId: begun.reservationId, budgetMicroUsd: 1_000_000, entry: entry({ costMicroUsd: 40_000 }) });
    expect((await stub.spendSummary({ accountId })).account.spentMicroUsd).toBe(40_000);
  });

  it("applies the account-wide cap across connections", async () => {
    const { accountId, stub } = account();
    await stub.setAccountCap({ accountId, capMicroUsd: 150_000 });
    const a = await stub.begin(beginInput(accountId, { connectionId: "a".repeat(32), budgetMicroUsd: null }));
    const b = await stub.begin(beginInput(accountId, { connectionId: "b".repeat(32), budgetMicroUsd: null }));
    expect(a.ok).toBe(true);
    expect(b).toMatchObject({ ok: false, reason: "account_cap_reached", limitMicroUsd: 150_000 });
  });

  it("refuses an unpriced model under a budget", async () => {
    const { accountId, stub } = account();
    expect(await stub.begin(beginInput(accountId, { costMicroUsd: null }))).toMatchObject({ ok: false, reason: "price_unknown" });
    expect((await stub.begin(beginInput(accountId, { costMicroUsd: null, budgetMicroUsd: null }))).ok).toBe(true);
  });
});

describe("requests per minute", () => {
  it("admits exactly rpm requests, with the headers' figures", async () => {
    const { accountId, stub } = account();
    const results = await Promise.all(Array.from({ length: 8 }, () => stub.begin(beginInput(accountId, { rpm: 5, budgetMicroUsd: null }))));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.find((r) => !r.ok)!;
    expect(refused).toMatchObject({ reason: "rate_limited", rate: { limit: 5, remaining: 0 } });
    expect(refused.rate!.retryAfterMs).toBeGreaterThan(59_000);
  });
});

describe("kill switch", () => {
  it("refuses the very next request after a revoke, and revocation is final", async () => {
    const { accountId, stub } = account();
    expect((await stub.begin(beginInput(accountId))).ok).toBe(true);
    await stub.setConnectionStatus({ accountId, connectionIds: ["c".repeat(32)], status: "revoked" });
    expect(await stub.begin(beginInput(accountId))).toMatchObject({ ok: false, reason: "revoked" });
    await stub.setConnectionStatus({ accountId, connectionIds: ["c".repeat(32)], status: "active" });
    expect(await stub.begin(beginInput(accountId))).toMatchObject({ ok: false, reason: "revoked" });
  });

  it("pauses and resumes", async () => {
    const { accountId, stub } = account();
    await stub.setConnectionStatus({ accountId, connectionIds: ["c".repeat(32)], status: "paused" });
    expect(await stub.begin(beginInput(accountId))).toMatchObject({ ok: false, reason: "paused" });
    await stub.setConnectionStatus({ accountId, connectionIds: ["c".repeat(32)], status: "active" });
    expect((await stub.begin(beginInput(accountId))).ok).toBe(true);
  });

  it("belongs to one account: another account's calls are refused", async () => {
    const { accountId, stub } = account();
    await stub.begin(beginInput(accountId));
    await runInDurableObject(stub, async (instance: AccountDurableObject) => {
      await expect(instance.setConnectionStatus({ accountId: "someone-else", connectionIds: ["c".repeat(32)], status: "revoked" })).rejects.toThrow(/another account/);
    });
  });
});

describe("leases and batched usage records", () => {
  it("an expired lease is settled at its full reservation by the alarm, so budget is never locked forever", async () => {
    const { accountId, stub } = account();
    const begun = await stub.begin(beginInput(accountId, { leaseMs: 1 }));
    expect(begun.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    await runDurableObjectAlarm(stub);
    const summary = await stub.spendSummary({ accountId });
    expect(summary.account).toMatchObject({ spentMicroUsd: 100_000, reservedMicroUsd: 0 });
  });

  it("the record an expired lease writes names the request's API", async () => {
    const { accountId, stub } = account();
    const begun = await stub.begin(beginInput(accountId, { leaseMs: 1, pending: { connectionId: "c".repeat(32), provider: "anthropic", model: "claude-haiku-4-5", streamed: true, api: "messages" } }));
    expect(begun.ok).toBe(true);
    await new Promise((r) => setTimeout(r, 5));
    await runDurableObjectAlarm(stub);
    const pending = await runInDurableObject(stub, (instance: AccountDurableObject) => (instance as unknown as { ledger: AccountLedger }).ledger.takePending(10));
    expect(pending.entries).toEqual([expect.objectContaining({ errorCode: "lease_expired", provider: "anthropic", api: "messages", streamed: true })]);
  });

  it("writes usage records to D1 in one batch, with the connection's last use", async () => {
    const { accountId, stub } = account();
    const connectionId = crypto.randomUUID().replace(/-/g, "");
    await bindings.DB.prepare("INSERT INTO users (id, email, created_at) VALUES (?, ?, 0)").bind(accountId, `${accountId}@example.com`).run();
    await bindings.DB.prepare(
      "INSERT INTO connections (id, user_id, kind, name, verifier, policy, policy_tag, token_hint, status, version, created_at) VALUES (?, ?, 'token', 'x', ?, '{}', 't', 'abcd', 'active', 1, 0)",
    )
      .bind(connectionId, accountId, "0".repeat(64))
      .run();
    // Each record names its API; one queued as an object before the field existed wrote it reads as chat.
    const apis = ["messages", undefined, "count_tokens"];
    for (let i = 0; i < 9; i++) {
      await stub.finish({ accountId, reservationId: null, budgetMicroUsd: null, entry: entry({ connectionId, at: 1000 + i, status: 403, costMicroUsd: 0, api: apis[i % 3] }) });
    }
    const written = await runInDurableObject(stub, (instance: AccountDurableObject) => instance.flush());
    expect(written).toBe(9);
    const rows = await bindings.DB.prepare("SELECT COUNT(*) AS n FROM usage_records WHERE user_id = ?").bind(accountId).first<{ n: number }>();
    expect(rows!.n).toBe(9);
    const byApi = await bindings.DB.prepare("SELECT api, COUNT(*) AS n FROM usage_records WHERE user_id = ? GROUP BY api ORDER BY api").bind(accountId).all<{ api: string; n: number }>();
    expect(byApi.results).toEqual([
      { api: "chat", n: 3 },
      { api: "count_tokens", n: 3 },
      { api: "messages", n: 3 },
    ]);
    const conn = await bindings.DB.prepare("SELECT last_used_at FROM connections WHERE id = ?").bind(connectionId).first<{ last_used_at: number }>();
    expect(conn!.last_used_at).toBe(1008);
    expect(await runInDurableObject(stub, (instance: AccountDurableObject) => instance.flush())).toBe(0);
  });
});
