import { env } from "cloudflare:workers";
import { runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { AdmitInput } from "../lib/account/gateway-view";
import { signPolicy, canonicalizePolicy, type Policy } from "../lib/crypto/policy";
import type { PolicyV1 } from "../lib/connections/wire";
import { createDb } from "../lib/db/client";
import { openPolicy, openPolicyV2, openPolicyV3, seedAccount, seedConnection } from "../tests/support/d1-seed";
import type { AccountDurableObject } from "./account-durable-object";
import { INTENT_TTL_MS } from "./connection-views";
import { OriginSignals } from "./origin-signals";

// The account object's view of its connections (decision 014) against real D1: filled from D1
// on first sight, kept true by writers (announce → D1 → confirm), recovering when D1 and the
// object could disagree, and never taking from D1 what only a writer may announce.

const bindings = env as unknown as { ACCOUNT: DurableObjectNamespace<AccountDurableObject>; DB: D1Database };
const d1 = bindings.DB;
const db = createDb(d1);
const stubOf = (accountId: string) => bindings.ACCOUNT.get(bindings.ACCOUNT.idFromName(accountId));

async function setup(policy = openPolicy()) {
  const account = await seedAccount({ d1, label: "views" });
  const seeded = await seedConnection({ d1, account, policy });
  const stub = stubOf(account.userId);
  const ask = (over: Partial<AdmitInput> = {}) => stub.admit({ accountId: account.userId, connectionId: seeded.connectionId, verifier: seeded.body.verifier, request: null, ...over });
  return { account, ...seeded, stub, ask };
}

const request = { provider: "openai", model: "gpt-4o-mini", costMicroUsd: 1000, leaseMs: 60_000, streamed: false, api: "chat" as const };
const setRow = (connectionId: string, values: Record<string, unknown>) => db.updateTable("connections").set(values).where("id", "=", connectionId).execute();

/** The browser's re-signed policy, as updatePolicyFor announces and writes it. */
function resign(body: { policy: ReturnType<typeof openPolicy> }, ck: Uint8Array | null, over: Partial<Omit<PolicyV1, "v">>) {
  const policy = { ...body.policy, ...over } as Policy;
  return { policy: canonicalizePolicy(policy), policyTag: ck ? signPolicy({ ck, policy }) : "A".repeat(43) };
}

describe("the account object's view of a connection", () => {
  it("fills itself from D1 for a connection it never saw (made before it held views), and answers only its verifier", async () => {
    const { ask, body, account } = await setup(openPolicy({ budgetUsd: 5 }));
    const answer = await ask({ request });
    expect(answer).toMatchObject({ ok: true, status: "active", material: { skId: "sk-test-1", policy: canonicalizePolicy(body.policy), policyTag: body.policyTag }, admission: { ok: true } });
    expect(await ask({ verifier: "0".repeat(64) })).toEqual({ ok: false, reason: "unknown" });
    expect(await ask({ verifier: "not hex" })).toEqual({ ok: false, reason: "unknown" });
    // Another account's object knows nothing of it.
    const other = await seedAccount({ d1, label: "other" });
    expect(await stubOf(other.userId).admit({ accountId: other.userId, connectionId: body.id, verifier: body.verifier, request })).toEqual({ ok: false, reason: "unknown" });
    expect(account.userId).not.toBe(other.userId);
  });

  it("refuses a page's origin its policy does not list before returning or reserving anything, and tells the person once (decision 022)", async () => {
    const { ask, account, connectionId } = await setup(openPolicyV3({ budgetUsd: 5, origins: ["https://app.example"] }));
    expect(await ask({ request, origin: "https://app.example" })).toMatchObject({ ok: true, admission: { ok: true } });
    for (const origin of ["https://evil.example", "https://evil.example", "null", "https://app.example/"]) {
      expect(await ask({ request, origin })).toEqual({ ok: false, reason: "origin" });
    }
    // A wrong verifier is still unknown, whatever the origin says.
    expect(await ask({ request, origin: "https://evil.example", verifier: "0".repeat(64) })).toEqual({ ok: false, reason: "unknown" });
    const spend = await stubOf(account.userId).connectionSpend({ accountId: account.userId, connectionId });
    expect(spend.reservedMicroUsd).toBe(1000); // the allowed request's hold only
    const signals = async () => (await db.selectFrom("audit_events").select(["kind", "detail"]).where("user_id", "=", account.userId).where("kind", "=", "origin_refused").execute()).map((e) => JSON.parse(e.detail) as { origin: string });
    await expect.poll(async () => (await signals()).map((d) => d.origin).sort()).toEqual(["(not a valid origin)", "https://evil.example", "null (a sandboxed frame or a local file)"]);
    // Servers and CLIs (no origin) and a v1 policy without one are as before; a v1 policy refuses any page.
    expect(await ask({ request })).toMatchObject({ ok: true });
    const v1 = await setup(openPolicy());
    expect(await v1.ask({ request, origin: "https://app.example" })).toEqual({ ok: false, reason: "origin" });
    expect(await v1.ask({ request, origin: null })).toMatchObject({ ok: true });
  });

  it("remembers a signal once per origin, and forgets one that could not be recorded so the next refusal tries again", async () => {
    const { stub } = await setup();
    const answers = await runInDurableObject(stub, (_instance, state) => {
      const signals = new OriginSignals(state.storage.sql);
      const at = Date.now();
      const first = signals.take({ connectionId: "c1", origin: "https://evil.example", now: at });
      const again = signals.take({ connectionId: "c1", origin: "https://evil.example", now: at + 1 });
      signals.forget({ connectionId: "c1", origin: "https://evil.example", at });
      const retried = signals.take({ connectionId: "c1", origin: "https://evil.example", now: at + 2 });
      // Forgetting names the one it took: a newer signal stays remembered.
      signals.forget({ connectionId: "c1", origin: "https://evil.example", at });
      const afterStale = signals.take({ connectionId: "c1", origin: "https://evil.example", now: at + 3 });
      return { first, again, retried, afterStale };
    });
    expect(answers).toEqual({ first: true, again: false, retried: true, afterStale: false });
  });

  it("fits output to the budget only for a v2 policy that says so", async () => {
    const fit = { curve: { inputScaled: 150_000, outputRateScaled: 600, feeMicroUsd: 0 }, maxOutputTokens: 16_384, choices: 1 };
    const big = { ...request, costMicroUsd: 9_981, fit };
    const v2 = await setup(openPolicyV2({ budgetUsd: 0.005, fitOutput: true }));
    expect(await v2.ask({ request: big })).toMatchObject({ ok: true, admission: { ok: true, reservedMicroUsd: 5_000, fitted: { perChoice: 8_083, outputTokens: 8_083 } } });
    const off = await setup(openPolicyV2({ budgetUsd: 0.005, fitOutput: false }));
    expect(await off.ask({ request: big })).toMatchObject({ ok: true, admission: { ok: false, reason: "budget_exhausted", fitsPerChoice: 8_083 } });
    const v1 = await setup(openPolicy({ budgetUsd: 0.005 }));
    expect(await v1.ask({ request: big })).toMatchObject({ ok: true, admission: { ok: false, reason: "budget_exhausted" } });
  });

  it("reserves nothing out of the policy's scope or after its expiry", async () => {
    const scoped = await setup(openPolicy({ models: ["gpt-4o"] }));
    expect(await scoped.ask({ request })).toMatchObject({ ok: true, admission: null });
    const expired = await setup(openPolicy({ expiresAt: 1 }));
    expect(await expired.ask({ request })).toMatchObject({ ok: true, admission: null });
    expect((await expired.stub.spendSummary({ accountId: expired.account.userId })).account.reservedMicroUsd).toBe(0);
  });

  it("keeps the policy a writer announced when D1 is set back to the older one with its old tag", async () => {
    const { ask, stub, account, connectionId, body } = await setup(openPolicy({ budgetUsd: 5 }));
    await ask();
    const lowered = resign(body, null, { budgetUsd: 1 });
    const intentId = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { policy: lowered } }] });
    await setRow(connectionId, { policy: lowered.policy, policy_tag: lowered.policyTag });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId });
    expect(await ask()).toMatchObject({ material: lowered });
    // Someone with write access to D1 restores the older policy and its (valid) tag…
    await setRow(connectionId, { policy: canonicalizePolicy(body.policy), policy_tag: body.policyTag });
    expect(await ask()).toMatchObject({ material: lowered });
    // …and even when the object re-reads D1 (another writer's change), it keeps the announced one.
    const pause = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: {} }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: pause });
    expect(await ask()).toMatchObject({ material: lowered });
  });

  it("recovers when the confirmation never arrives: the next request re-reads D1", async () => {
    const { ask, stub, account, connectionId, body } = await setup();
    await ask();
    const changed = resign(body, null, { rpm: 7 });
    await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { policy: changed } }] });
    await setRow(connectionId, { policy: changed.policy, policy_tag: changed.policyTag, status: "paused" });
    // (the writer's commit call failed)
    expect(await ask()).toMatchObject({ status: "paused", material: changed });
  });

  it("keeps the old view when the D1 write failed, and forgets the announcement so D1 cannot be set to it later", async () => {
    const { ask, stub, account, connectionId, body } = await setup();
    await ask();
    const changed = resign(body, null, { rpm: 9 });
    const intentId = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { policy: changed, resume: true } }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId }); // the D1 write in between failed
    expect(await ask()).toMatchObject({ material: { policy: canonicalizePolicy(body.policy) } });
    await setRow(connectionId, { policy: changed.policy, policy_tag: changed.policyTag });
    const again = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: {} }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: again });
    expect(await ask()).toMatchObject({ material: { policy: canonicalizePolicy(body.policy) } });
  });

  it("drops an unconfirmed announcement after its time, once a re-read has considered it", async () => {
    const { ask, stub, account, connectionId, body } = await setup();
    await ask();
    const changed = resign(body, null, { rpm: 11 });
    await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { policy: changed } }] });
    await runInDurableObject(stub, (_instance, state) => void state.storage.sql.exec("UPDATE connection_intents SET at = at - ?", INTENT_TTL_MS + 1));
    expect(await ask()).toMatchObject({ material: { policy: canonicalizePolicy(body.policy) } });
    const left = await runInDurableObject(stub, (_instance, state) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM connection_intents").one().n);
    expect(left).toBe(0);
    await setRow(connectionId, { policy: changed.policy, policy_tag: changed.policyTag });
    const pause = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: {} }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: pause });
    expect(await ask()).toMatchObject({ material: { policy: canonicalizePolicy(body.policy) } });
  });

  it("takes a pause from D1, but a resume only when announced", async () => {
    const { ask, stub, account, connectionId } = await setup();
    await ask();
    const pause = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: {} }] });
    await setRow(connectionId, { status: "paused" });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: pause });
    expect(await ask({ request })).toMatchObject({ status: "paused", admission: { ok: false, reason: "paused" } });
    await setRow(connectionId, { status: "active" });
    const unannounced = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: {} }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: unannounced });
    expect(await ask()).toMatchObject({ status: "paused" });
    const resume = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { resume: true } }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: resume });
    expect(await ask()).toMatchObject({ status: "active" });
  });

  it("revokes at once and for good, whatever D1 says, and still tells the owner's token it was revoked", async () => {
    const { ask, stub, account, connectionId } = await setup();
    await ask();
    await stub.setConnectionStatus({ accountId: account.userId, connectionIds: [connectionId], status: "revoked" });
    expect(await ask()).toEqual({ ok: false, reason: "revoked" });
    const resume = await stub.stageConnectionChanges({ accountId: account.userId, changes: [{ connectionId, intent: { resume: true } }] });
    await stub.commitConnectionChanges({ accountId: account.userId, intentId: resume });
    expect(await ask()).toEqual({ ok: false, reason: "revoked" });
  });

  it("learns of a revocation it was not told about (D1 revoked or deleted the row) on its next re-read", async () => {
    const { ask, stub, account, connectionId } = await setup();
    await ask();
    await db.deleteFrom("connection_grants").where("connection_id", "=", connectionId).execute();
    await db.deleteFrom("connections").where("id", "=", connectionId).execute();
    await stub.syncConnections({ accountId: account.userId, connectionIds: [connectionId] });
    expect(await ask()).toEqual({ ok: false, reason: "revoked" });
  });

  it("releases an admission whose policy failed: its hold and its rpm slot", async () => {
    const { ask, stub, account, connectionId } = await setup(openPolicy({ rpm: 1, budgetUsd: 1 }));
    const first = await ask({ request });
    if (!first.ok || !first.admission?.ok) throw new Error("not admitted");
    expect((await stub.spendSummary({ accountId: account.userId })).account.reservedMicroUsd).toBe(1000);
    await stub.release({ accountId: account.userId, connectionId, reservationId: first.admission.reservationId });
    expect((await stub.spendSummary({ accountId: account.userId })).account).toMatchObject({ reservedMicroUsd: 0, spentMicroUsd: 0, requests: 0 });
    expect(await ask({ request })).toMatchObject({ admission: { ok: true } });
  });

  it("moves the SK layer to the current secret in its copy and in D1, only over the layer it replaces", async () => {
    const { ask, stub, account, connectionId } = await setup();
    await ask();
    await stub.replaceServerWrap({ accountId: account.userId, connectionId, fromSkId: "sk-other", ckServer: "v1.ignored", skId: "sk-new" });
    expect(await ask()).toMatchObject({ material: { skId: "sk-test-1" } });
    await stub.replaceServerWrap({ accountId: account.userId, connectionId, fromSkId: "sk-test-1", ckServer: "v1.moved", skId: "sk-new" });
    expect(await ask()).toMatchObject({ material: { skId: "sk-new", ckServer: "v1.moved" } });
    expect(await db.selectFrom("connections").select(["sk_id", "ck_server"]).where("id", "=", connectionId).executeTakeFirst()).toEqual({ sk_id: "sk-new", ck_server: "v1.moved" });
  });

  it("keeps the key verdict it is told in its copy and in D1", async () => {
    const { ask, stub, account, connectionId } = await setup();
    await ask();
    const { item } = account;
    const entry = { connectionId, provider: "openai", model: "gpt-4o-mini", status: 401, errorCode: "provider_key_invalid", inputTokens: 0, outputTokens: 0, cachedTokens: 0, costMicroUsd: 0, latencyMs: 1, streamed: false, api: "chat" as const, at: Date.now() };
    await stub.finish({ accountId: account.userId, reservationId: null, budgetMicroUsd: null, entry, keyVerdict: { itemId: item.itemId, keyVersion: 1, status: "rejected" } });
    expect(await ask()).toMatchObject({ material: { grants: [{ itemId: item.itemId, keyStatus: "rejected" }] } });
    expect((await db.selectFrom("vault_items").select("key_status").where("id", "=", item.itemId).executeTakeFirst())?.key_status).toBe("rejected");
  });

  it("answers unknown after the account is erased, instead of failing", async () => {
    const { ask, stub, account } = await setup();
    await ask();
    await stub.erase({ accountId: account.userId });
    await db.deleteFrom("users").where("id", "=", account.userId).execute();
    expect(await ask({ request })).toEqual({ ok: false, reason: "unknown" });
  });
});
