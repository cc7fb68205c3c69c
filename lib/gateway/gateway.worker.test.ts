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
  return { chat, sent };
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
