import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { openPolicy, seedAccount, seedConnection, TEST_SK } from "../../tests/support/d1-seed";
import { accountStub } from "../account/account-stub";
import type { ServerKeyring } from "../connections/server-wrap";
import { createDb } from "../db/client";
import { findConnectionAccount } from "../db/connection-queries";
import { revokeConnection } from "../db/connection-revocation";
import { rememberAccountIds } from "./account-lookup";
import { handleChatCompletion } from "./chat-completion";
import { handleRelayStatus, type RelayStatus } from "./relay-status";
import type { GatewayDeps } from "./deps";
import { testBaseUrls } from "./test-support";

// The gateway with the real account object and real D1 (workerd): connections stored before the
// object held views work on their first request, the kill switch holds on the very next
// request, and SK rotation: old tokens keep working and their rows move to the new secret.

const bindings = env as unknown as { ACCOUNT: DurableObjectNamespace; DB: D1Database };
const d1 = bindings.DB;
const db = createDb(d1);
const NEW_SK = { keyId: "sk-test-2", secret: "bmV3LXdyYXBwaW5nLXNlY3JldC0zMi1ieXRlcy1sb24" };

const completion = { id: "x", object: "chat.completion", created: 1, model: "gpt-4o-mini", choices: [{ index: 0, message: { role: "assistant", content: "ok", refusal: null, annotations: [] }, logprobs: null, finish_reason: "stop" }], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } };

function gateway(keyring: ServerKeyring) {
  const waited: Promise<unknown>[] = [];
  const sent: Request[] = [];
  const deps: GatewayDeps = {
    findAccountId: rememberAccountIds({ scope: {}, find: (connectionId) => findConnectionAccount({ db, connectionId }) }),
    account: (accountId) => accountStub(bindings.ACCOUNT, accountId),
    keyring,
    baseUrls: testBaseUrls(),
    upstreamTimeoutMs: 30_000,
    waitUntil: (promise) => void waited.push(promise),
    fetchUpstream: (async (url: string, init: RequestInit) => {
      sent.push(new Request(url, init));
      return new Response(JSON.stringify(completion), { headers: { "content-type": "application/json" } });
    }) as typeof fetch,
    now: Date.now,
  };
  const chat = async (token: string) => {
    const response = await handleChatCompletion({
      request: new Request("https://relay.test/v1/chat/completions", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify({ model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] }) }),
      deps,
    });
    while (waited.length > 0) await Promise.allSettled(waited.splice(0));
    return response;
  };
  const status = async (token: string | null) => {
    const headers: Record<string, string> = token === null ? {} : { authorization: `Bearer ${token}` };
    return handleRelayStatus({ request: new Request("https://relay.test/v1/relay/status", { headers }), deps });
  };
  return { chat, sent, status };
}

const skIdOf = async (connectionId: string) => (await db.selectFrom("connections").select("sk_id").where("id", "=", connectionId).executeTakeFirst())?.sk_id;

describe("the gateway over the real account object and D1", () => {
  it("serves a connection stored before the object held views, on its first request", async () => {
    const account = await seedAccount({ d1, label: "preexisting" });
    const { token } = await seedConnection({ d1, account });
    const { chat, sent } = gateway({ current: TEST_SK, previous: [] });
    expect((await chat(token)).status).toBe(200);
    expect(sent[0]!.headers.get("authorization")).toBe(`Bearer ${account.item.secret}`);
  });

  it("refuses the very next request after a revocation", async () => {
    const account = await seedAccount({ d1, label: "revoked" });
    const { token, connectionId } = await seedConnection({ d1, account });
    const { chat } = gateway({ current: TEST_SK, previous: [] });
    expect((await chat(token)).status).toBe(200);
    await accountStub(bindings.ACCOUNT, account.userId).setConnectionStatus({ accountId: account.userId, connectionIds: [connectionId], status: "revoked" });
    await revokeConnection({ d1, userId: account.userId, connectionId, now: Date.now() });
    const refused = await chat(token);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe("This relay token has been revoked.");
  });

  it("SK rotation: old tokens keep working under the new keyring, and their rows move to the new secret", async () => {
    const account = await seedAccount({ d1, label: "rotation" });
    const stored = await seedConnection({ d1, account, policy: openPolicy({ budgetUsd: 10 }) });
    expect(await skIdOf(stored.connectionId)).toBe(TEST_SK.keyId);
    // Rotate: the new secret is current, the old one stays in RELAY_WRAPPING_PREVIOUS_KEYS.
    const rotated = gateway({ current: NEW_SK, previous: [TEST_SK] });
    expect((await rotated.chat(stored.token)).status).toBe(200);
    expect(await skIdOf(stored.connectionId)).toBe(NEW_SK.keyId);
    const object = accountStub(bindings.ACCOUNT, account.userId);
    const view = await object.admit({ accountId: account.userId, connectionId: stored.connectionId, verifier: stored.body.verifier, request: null });
    expect(view).toMatchObject({ ok: true, material: { skId: NEW_SK.keyId } });
    // Once no row names the old secret it can be retired: the token still works without it.
    const retired = gateway({ current: NEW_SK, previous: [] });
    expect((await retired.chat(stored.token)).status).toBe(200);
    // A connection that was never used before the old secret was retired cannot be opened.
    const unused = await seedConnection({ d1, account, name: "unused" });
    expect((await retired.chat(unused.token)).status).toBe(401);
  });
});

describe("GET /v1/relay/status over the real account object and D1", () => {
  it("tells a token its own limits and this month's spend, the same figures the dashboard reads, and nothing else", async () => {
    const account = await seedAccount({ d1, label: "status" });
    const mine = await seedConnection({ d1, account, policy: openPolicy({ budgetUsd: 20, rpm: 60, models: ["gpt-4o-mini"] }), name: "1Relay CLI" });
    const other = await seedConnection({ d1, account, policy: openPolicy({ budgetUsd: 99 }), name: "another bot" });
    const { chat, status } = gateway({ current: TEST_SK, previous: [] });
    expect((await chat(mine.token)).status).toBe(200);
    expect((await chat(mine.token)).status).toBe(200);
    expect((await chat(other.token)).status).toBe(200);

    const response = await status(mine.token);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as RelayStatus;
    const summary = await accountStub(bindings.ACCOUNT, account.userId).spendSummary({ accountId: account.userId });
    const expected = summary.connections[mine.connectionId]!;
    expect(body).toEqual({
      object: "relay.status",
      connection_id: mine.connectionId,
      status: "active",
      month: summary.month,
      resets_at: new Date(summary.resetsAt).toISOString(),
      budget_usd: 20,
      spent_micro_usd: expected.spentMicroUsd,
      reserved_micro_usd: 0,
      requests: 2,
      rpm: 60,
      providers: ["openai"],
      models: ["gpt-4o-mini"],
      expires_at: null,
    });
    expect(body.spent_micro_usd).toBeGreaterThan(0);
    // Exactly the fields above (no account total, cap or email); another connection or the owner appear nowhere.
    const text = JSON.stringify(body);
    expect(text).not.toContain(other.connectionId);
    expect(text).not.toContain(account.userId);
    expect(((await (await status(other.token)).json()) as RelayStatus).requests).toBe(1);
  });

  it("a paused token still reads its status; a revoked or missing one gets 401", async () => {
    const account = await seedAccount({ d1, label: "status-paused" });
    const { token, connectionId } = await seedConnection({ d1, account });
    const { status } = gateway({ current: TEST_SK, previous: [] });
    const object = accountStub(bindings.ACCOUNT, account.userId);
    await object.setConnectionStatus({ accountId: account.userId, connectionIds: [connectionId], status: "paused" });
    expect(((await (await status(token)).json()) as RelayStatus).status).toBe("paused");
    await object.setConnectionStatus({ accountId: account.userId, connectionIds: [connectionId], status: "revoked" });
    await revokeConnection({ d1, userId: account.userId, connectionId, now: Date.now() });
    const revoked = await status(token);
    expect(revoked.status).toBe(401);
    expect(((await revoked.json()) as { error: { message: string } }).error.message).toBe("This relay token has been revoked.");
    expect((await status(null)).status).toBe(401);
  });
});
