import { expect, test, type Page } from "@playwright/test";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { openLocalD1, waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);

async function chat(baseURL: string, token: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json", cookie: "session=should-not-leak" },
    body: JSON.stringify(body),
  });
}

test.describe.serial("the gateway with a scoped token", () => {
  let page: Page;
  let token: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("gateway"), baseURL!);
    await createVault(page, "amber falcon 83 quartz meadow");
    await addKey(page, "openai", "My OpenAI", fakeKeys.openai);
    await addKey(page, "anthropic", "My Anthropic", fakeKeys.anthropic);
    // No budget: these tests also use the fakes' magic model names, which have no price
    // (a budget refuses unpriced models; tests/e2e/limits.spec.ts covers budgets).
    token = await createToken(page, { name: "Test bot", keys: { openai: "My OpenAI", anthropic: "My Anthropic" }, budget: "" });
    await page.getByRole("button", { name: "Done" }).click();
    // The list shows how the token starts (from its connection id), never its tail (a CRC of its secret).
    await expect(page.getByTestId("connection-row").filter({ hasText: "Test bot" })).toContainText(`${token.slice(0, 9)}…`);
    await expect(page.getByTestId("connection-row").filter({ hasText: "Test bot" })).not.toContainText(token.slice(-4));
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT token_hint FROM connections WHERE id = ?").get(connectionIdOf(token)) as { token_hint: string };
      expect(row.token_hint).toBe(token.slice(3, 9));
    } finally {
      db.close();
    }
  });

  test("a plain completion goes to OpenAI with the decrypted key in its header, and is recorded", async ({ baseURL }) => {
    await resetFakes();
    const response = await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello there gateway" }] });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-1relay-request-id")).toMatch(/^req_[0-9a-f]{24}$/);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("openai-organization")).toBeNull();
    // Our own rate-limit headers (the token allows 60 a minute), never the provider's.
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("60");
    expect(response.headers.get("x-ratelimit-limit-tokens")).toBeNull();
    expect(Number(response.headers.get("x-1relay-cost-usd"))).toBeGreaterThan(0);
    expect(response.headers.get("x-1relay-budget-remaining-usd")).toBe("unlimited");
    const completion = (await response.json()) as { object: string; choices: { message: { content: string } }[] };
    expect(completion.object).toBe("chat.completion");
    expect(completion.choices[0]!.message.content).toBe("You said: hello there gateway");
    const [received] = await fakeReceived("openai");
    expect(received!.headers.authorization).toBe(`Bearer ${fakeKeys.openai}`);
    expect(received!.headers.cookie).toBeUndefined();
    expect(received!.bodyText).not.toContain(token);
    // No limit from the client: the bound the budget was reserved for goes upstream (gpt-4o-mini's 16,384).
    expect((JSON.parse(received!.bodyText) as { max_completion_tokens?: number }).max_completion_tokens).toBe(16_384);

    const rows = await waitForRows<{ input_tokens: number; output_tokens: number; cost_micro_usd: number }>(
      "SELECT provider, model, status, input_tokens, output_tokens, cost_micro_usd, streamed FROM usage_records WHERE model = 'gpt-4o-mini' AND connection_id = ? ORDER BY created_at DESC LIMIT 1",
      [connectionIdOf(token)],
      (r) => r.length === 1,
    );
    expect(rows[0]).toMatchObject({ provider: "openai", model: "gpt-4o-mini", status: 200, streamed: 0 });
    const { input_tokens, output_tokens, cost_micro_usd } = rows[0]!;
    expect(input_tokens).toBeGreaterThan(0);
    // gpt-4o-mini: $0.15 in, $0.60 out per million tokens, rounded up to a micro-dollar.
    expect(cost_micro_usd).toBe(Math.ceil(input_tokens * 0.15 + output_tokens * 0.6));
    expect(Number(response.headers.get("x-1relay-cost-usd"))).toBe(cost_micro_usd / 1e6);
  });

  test("a streamed completion through Anthropic arrives as OpenAI chunks with usage", async ({ baseURL }) => {
    await resetFakes();
    const response = await chat(baseURL!, token, {
      model: "claude-haiku-4-5",
      stream: true,
      stream_options: { include_usage: true },
      messages: [{ role: "user", content: "stream this please" }],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await response.text();
    const frames = text.split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toBe("data: [DONE]");
    // The exact cost arrives as an SSE comment just before [DONE] (clients skip comments).
    expect(frames.at(-2)).toMatch(/^: x-1relay-cost-usd=\d+\.\d{6}$/);
    const chunks = frames.slice(0, -2).map((f) => JSON.parse(f.replace(/^data: /, "")));
    expect(chunks.every((c) => c.object === "chat.completion.chunk")).toBe(true);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("You said: stream this please");
    expect(chunks.at(-1).usage.prompt_tokens).toBeGreaterThan(0);
    const [received] = await fakeReceived("anthropic");
    expect(received!.headers["x-api-key"]).toBe(fakeKeys.anthropic);
    expect(received!.headers.authorization).toBeUndefined();
  });

  test("a stream is passed on event by event, not buffered", async ({ baseURL }) => {
    // The fake sends one event every 400 ms: the first chunk must reach us long before the last.
    const response = await chat(baseURL!, token, { model: "gpt-4o-fake-slow-400", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight" }] });
    const reader = response.body!.getReader();
    const started = Date.now();
    const first = await reader.read();
    const firstAt = Date.now() - started;
    expect(new TextDecoder().decode(first.value)).toMatch(/^data: \{/);
    let text = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    const endAt = Date.now() - started;
    expect(text.trim().endsWith("data: [DONE]")).toBe(true);
    expect(endAt - firstAt).toBeGreaterThan(2_000);
  });

  test("a client that disconnects mid-stream aborts the upstream request", async ({ baseURL }) => {
    await resetFakes();
    const controller = new AbortController();
    const response = await fetch(`${baseURL}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-4o-fake-slow-400", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight nine ten eleven twelve" }] }),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    await expect.poll(async () => (await fakeReceived("openai"))[0]?.outcome, { timeout: 10_000 }).toBe("client-closed");
  });

  test("the person sees the requests on the Usage page, without a reload", async ({ baseURL }) => {
    await page.getByRole("link", { name: "Usage", exact: true }).click();
    await expect(page.getByTestId("usage-row").first()).toBeVisible();
    // Count only this model's rows: a record of an earlier test may still be on its way (batched).
    const haiku = page.getByTestId("usage-row").filter({ hasText: "claude-haiku-4-5" });
    const before = await haiku.count();
    const response = await chat(baseURL!, token, { model: "claude-haiku-4-5", messages: [{ role: "user", content: "count me please" }] });
    expect(response.status).toBe(200);
    await expect(haiku).toHaveCount(before + 1, { timeout: 15_000 });
    const newest = haiku.first();
    await expect(newest).toContainText("Test bot");
    await expect(newest).toContainText("anthropic");
    await expect(newest).toContainText("claude-haiku-4-5");
    await expect(newest).toContainText("200");
    await expect(page.locator("main")).not.toContainText("count me please");
  });

  test("upstream failures reach the client cleanly: 5xx mapped, a dropped stream ends with an error event", async ({ baseURL }) => {
    const failed = await chat(baseURL!, token, { model: "gpt-4o-fake-500", messages: [{ role: "user", content: "x" }] });
    expect(failed.status).toBe(502);
    const body = (await failed.json()) as { error: { message: string; type: string } };
    expect(body.error.message).toMatch(/OpenAI/);
    const dropped = await chat(baseURL!, token, { model: "gpt-4o-fake-drop-2", stream: true, messages: [{ role: "user", content: "one two three four five six" }] });
    expect(dropped.status).toBe(200);
    const frames = (await dropped.text()).split("\n\n").filter(Boolean);
    expect(frames.at(-1)).toMatch(/^data: \{"error":\{/);
    expect(frames).not.toContain("data: [DONE]");
    const priority = await chat(baseURL!, token, { model: "gpt-4o-mini", service_tier: "priority", messages: [{ role: "user", content: "x" }] });
    expect(priority.status).toBe(400);
    expect(((await priority.json()) as { error: { param: string } }).error.param).toBe("service_tier");
  });

  test("GET /v1/models lists what the token may use", async ({ baseURL }) => {
    const response = await fetch(`${baseURL}/v1/models`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    const list = (await response.json()) as { object: string; data: { id: string; owned_by: string }[] };
    expect(list.object).toBe("list");
    const owners = new Set(list.data.map((m: { owned_by: string }) => m.owned_by));
    expect(owners).toEqual(new Set(["openai", "anthropic"]));
    expect(list.data.some((m: { id: string }) => m.id === "gpt-4o-mini")).toBe(true);
    expect((await fetch(`${baseURL}/v1/models`)).status).toBe(401);
  });

  test("bad, foreign-scope and tampered requests are refused in OpenAI's error shape", async ({ baseURL }) => {
    const bad = await chat(baseURL!, `${token.slice(0, -1)}${token.endsWith("0") ? "1" : "0"}`, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
    expect(bad.status).toBe(401);
    expect(((await bad.json()) as { error: unknown }).error).toMatchObject({ type: "invalid_request_error", code: "invalid_api_key" });
    const scope = await chat(baseURL!, token, { model: "gemini-2.5-flash", messages: [{ role: "user", content: "x" }] });
    expect(scope.status).toBe(403);
    const huge = await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x".repeat(9 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe("payload_too_large");
    const unknownField = await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }], api_base: "http://evil.example" });
    expect(unknownField.status).toBe(400);
    expect(((await unknownField.json()) as { error: { param: string } }).error.param).toBe("api_base");

    // Raising the rate limit in the database changes nothing: the account object holds the
    // policy its owner signed (decision 014) and never takes an unannounced one from D1. (A
    // policy whose tag fails is refused: hot-path.spec.ts.)
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT id, policy FROM connections WHERE name = 'Test bot'").get() as { id: string; policy: string };
      db.prepare("UPDATE connections SET policy = ? WHERE id = ?").run(row.policy.replace('"rpm":60', '"rpm":60000'), row.id);
      const tampered = await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
      expect(tampered.status).toBe(200);
      expect(tampered.headers.get("x-ratelimit-limit-requests")).toBe("60");
      db.prepare("UPDATE connections SET policy = ? WHERE id = ?").run(row.policy, row.id);
    } finally {
      db.close();
    }
    expect((await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] })).status).toBe(200);
  });

  test("another person's token never reaches these keys, and a forged secret on this connection id fails", async ({ browser, baseURL }) => {
    const other = await browser.newPage({ baseURL });
    await signInWithCode(other, browser, uniqueEmail("other"), baseURL!);
    await createVault(other, "cobalt orchard 29 vapor tundra");
    await addKey(other, "gemini", "Their Gemini", fakeKeys.gemini);
    const theirs = await createToken(other, { name: "Their bot", keys: { gemini: "Their Gemini" } });
    await resetFakes();
    // Their token has no OpenAI key: our OpenAI key is out of its reach.
    const refused = await chat(baseURL!, theirs, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
    expect(refused.status).toBe(403);
    expect(await fakeReceived("openai")).toEqual([]);
    // Our connection id with their (valid-looking) secret: the checksum is recomputed, the verifier fails.
    const { formatRelayToken } = await import("../../lib/crypto/relay-token");
    const forged = formatRelayToken({ connectionId: parseRelayToken(token).connectionId, secret: parseRelayToken(theirs).secret });
    const forgedResponse = await chat(baseURL!, forged, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
    expect(forgedResponse.status).toBe(401);
    expect(await fakeReceived("openai")).toEqual([]);
    await other.close();
  });

  test("revoking in the dashboard refuses the very next call", async ({ baseURL }) => {
    await page.getByRole("link", { name: "Tokens", exact: true }).click();
    const row = page.getByTestId("connection-row").filter({ hasText: "Test bot" });
    await row.getByRole("button", { name: "Revoke" }).click();
    await row.getByRole("button", { name: "Yes, revoke" }).click();
    await expect(page.getByTestId("connection-row").filter({ hasText: "Test bot" })).toHaveAttribute("data-status", "revoked");
    const response = await chat(baseURL!, token, { model: "gpt-4o-mini", messages: [{ role: "user", content: "x" }] });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
    const db = openLocalD1();
    try {
      const row = db.prepare("SELECT ck_server, ck_vault, status FROM connections WHERE name = 'Test bot'").get();
      expect(row).toEqual({ ck_server: null, ck_vault: null, status: "revoked" });
    } finally {
      db.close();
    }
  });
});
