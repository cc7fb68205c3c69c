import { expect, test, type Page } from "@playwright/test";
import { fakeURLs } from "../../playwright.config";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { reservationMicroUsd } from "../../lib/limits/request-bounds";
import type { ChatRequest } from "../../lib/chat-api/chat-request";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Issue 6's proofs against the built worker: hard budgets under concurrency, exact rpm, the
// kill switch while requests are in flight, abandoned streams, and the dashboard's controls.

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const price = findPrice({ provider: "openai", model: "gpt-4o-mini" })!;

function chat(baseURL: string, token: string, body: Record<string, unknown>, signal?: AbortSignal): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body), signal });
}

/** Every upstream request for the next `times` requests (or until reset) behaves like this. */
async function scriptFake(behaviour: unknown, times?: number): Promise<void> {
  const response = await fetch(`${fakeURLs.openai}/__fake/script`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviour, times }) });
  expect(response.status).toBe(204);
}

type Usage = { prompt_tokens: number; completion_tokens: number; prompt_tokens_details?: { cached_tokens?: number } };
const priceOf = (u: Usage) => computeCostMicroUsd({ price, usage: { inputTokens: u.prompt_tokens, outputTokens: u.completion_tokens, cachedInputTokens: u.prompt_tokens_details?.cached_tokens ?? 0, cacheWriteTokens: 0, reasoningTokens: 0 } });

async function usageOf(response: Response, streamed: boolean): Promise<Usage> {
  if (!streamed) return ((await response.json()) as { usage: Usage }).usage;
  const frames = (await response.text()).split("\n\n").filter((f) => f.startsWith("data: {"));
  const last = JSON.parse(frames.at(-1)!.slice(6)) as { usage: Usage };
  return last.usage;
}

test.describe.serial("budgets, rate limits and the kill switch", () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("limits"), baseURL!);
    await createVault(page, "garnet lagoon 47 willow pylon");
    await addKey(page, "openai", "Limits OpenAI", fakeKeys.openai);
  });

  test.afterEach(async () => {
    await resetFakes();
  });

  test("50 concurrent requests against a budget for about ten: spend stays within it, the rest get insufficient_quota and never reach the provider", async ({ baseURL }) => {
    const body = (stream: boolean) => ({ model: "gpt-4o-mini", max_tokens: 40, messages: [{ role: "user", content: "count the budget words please" }], ...(stream ? { stream: true, stream_options: { include_usage: true } } : {}) });
    const worst = reservationMicroUsd({ provider: "openai", upstreamModel: "gpt-4o-mini", request: body(false) as ChatRequest })!;
    const streamedWorst = reservationMicroUsd({ provider: "openai", upstreamModel: "gpt-4o-mini", request: body(true) as ChatRequest })!;
    const budgetMicro = Math.floor(10.5 * Math.max(worst, streamedWorst));
    const token = await createToken(page, { name: "Budget bot", keys: { openai: "Limits OpenAI" }, budget: (budgetMicro / 1e6).toFixed(6), rpm: "" });
    await resetFakes();
    // Each upstream call takes a while, so the reservations overlap as they would under load.
    await scriptFake({ delayMs: 1500 });
    const responses = await Promise.all(Array.from({ length: 50 }, (_, i) => chat(baseURL!, token, body(i % 2 === 0)).then(async (r) => ({ r, streamed: i % 2 === 0 }))));
    const ok = responses.filter(({ r }) => r.status === 200);
    const refused = responses.filter(({ r }) => r.status !== 200);
    expect(ok.length).toBeGreaterThanOrEqual(8);
    expect(ok.length).toBeLessThanOrEqual(11);
    for (const { r } of refused) {
      expect(r.status).toBe(429);
      expect(r.headers.get("x-should-retry")).toBe("false");
      const error = ((await r.json()) as { error: { code: string; type: string; message: string } }).error;
      expect(error).toMatchObject({ code: "insufficient_quota", type: "insufficient_quota" });
      expect(error.message).toMatch(/monthly budget .* resets on \d{4}-\d{2}-01 00:00 UTC/);
    }
    const usages = await Promise.all(ok.map(({ r, streamed }) => usageOf(r, streamed)));
    const received = await fakeReceived("openai");
    expect(received).toHaveLength(ok.length); // no refused request reached the provider
    // The admitted requests ran at the same time: all reached the provider within the first one's 1.5 s.
    const times = (received as unknown as { receivedAt: number }[]).map((q) => q.receivedAt);
    expect(Math.max(...times) - Math.min(...times)).toBeLessThan(1500);

    const rows = await waitForRows<{ status: number; cost_micro_usd: number }>("SELECT status, cost_micro_usd FROM usage_records WHERE connection_id = ?", [connectionIdOf(token)], (r) => r.length === 50);
    const spent = rows.reduce((sum, row) => sum + row.cost_micro_usd, 0);
    expect(spent).toBeLessThanOrEqual(budgetMicro);
    expect(spent).toBe(usages.reduce((sum, u) => sum + priceOf(u), 0));
    expect(rows.filter((row) => row.status === 429)).toHaveLength(refused.length);
  });

  test("rpm = 3: exactly three pass inside the minute, the rest get 429 with OpenAI's headers, and requests pass again after the reset", async ({ baseURL }) => {
    test.setTimeout(120_000);
    const token = await createToken(page, { name: "Rpm bot", keys: { openai: "Limits OpenAI" }, budget: "", rpm: "3" });
    const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await chat(baseURL!, token, body));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 429, 429]);
    expect(results[2]!.headers.get("x-ratelimit-limit-requests")).toBe("3");
    expect(results[2]!.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    const limited = results[3]!;
    expect(limited.headers.get("x-ratelimit-limit-requests")).toBe("3");
    expect(limited.headers.get("x-ratelimit-remaining-requests")).toBe("0");
    expect(limited.headers.get("x-ratelimit-reset-requests")).toMatch(/^(\d+m)?\d+(\.\d)?s$/);
    const retryAfter = Number(limited.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(50);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(((await limited.json()) as { error: { code: string } }).error.code).toBe("rate_limit_exceeded");
    expect(await fakeReceived("openai")).toHaveLength(3);
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000 + 250));
    expect((await chat(baseURL!, token, body)).status).toBe(200);
  });

  test("revoke while requests are in flight: every request that starts after the revoke is refused", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Kill bot", keys: { openai: "Limits OpenAI" }, budget: "", rpm: "" });
    await resetFakes();
    await scriptFake({ delayMs: 1500 });
    const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "in flight" }] };
    const inFlight = Array.from({ length: 5 }, () => chat(baseURL!, token, body));
    await expect.poll(async () => (await fakeReceived("openai")).length).toBe(5);
    const revoke = await page.request.post(`/api/connections/${connectionIdOf(token)}/revoke`, { headers: { origin: baseURL! } });
    expect(revoke.status()).toBe(204);
    const after = await Promise.all(Array.from({ length: 5 }, () => chat(baseURL!, token, body)));
    for (const r of after) expect(r.status).toBe(401);
    expect((await Promise.all(inFlight)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await fakeReceived("openai")).toHaveLength(5);
  });

  test("a stream the client abandons halfway is charged for what was delivered and its reservation is released", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Abandon bot", keys: { openai: "Limits OpenAI" }, budget: "5", rpm: "" });
    await scriptFake({ delayMs: 300 });
    const controller = new AbortController();
    const response = await chat(baseURL!, token, { model: "gpt-4o-mini", stream: true, messages: [{ role: "user", content: "one two three four five six seven eight nine ten eleven twelve" }] }, controller.signal);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let text = "";
    while ((text.match(/"content":"[^"]+"/g) ?? []).length < 3) text += new TextDecoder().decode((await reader.read()).value);
    controller.abort();
    const [row] = await waitForRows<{ status: number; error_code: string; input_tokens: number; output_tokens: number; cost_micro_usd: number }>(
      "SELECT status, error_code, input_tokens, output_tokens, cost_micro_usd FROM usage_records WHERE connection_id = ?",
      [connectionIdOf(token)],
      (r) => r.length === 1,
    );
    expect(row).toMatchObject({ status: 499, error_code: "client_closed" });
    // At least the delivered words (a token covers at least one byte), and the prompt at its bound.
    expect(row!.output_tokens).toBeGreaterThanOrEqual(3);
    expect(row!.input_tokens).toBeGreaterThan(12);
    expect(row!.cost_micro_usd).toBeGreaterThan(0);
    const list = (await (await page.request.get("/api/connections")).json()) as { connections: { id: string; spend: { spentMicroUsd: number; reservedMicroUsd: number } }[] };
    const spend = list.connections.find((c) => c.id === connectionIdOf(token))!.spend;
    expect(spend).toEqual(expect.objectContaining({ spentMicroUsd: row!.cost_micro_usd, reservedMicroUsd: 0 }));
  });

  test("a model with no price is refused under a budget, with a clear error, and never sent", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Unpriced bot", keys: { openai: "Limits OpenAI" }, budget: "5", rpm: "" });
    const response = await chat(baseURL!, token, { model: "gpt-4o-fake-reply", messages: [{ role: "user", content: "x" }] });
    expect(response.status).toBe(400);
    const error = ((await response.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe("model_price_unknown");
    expect(error.message).toMatch(/no price/);
    expect(await fakeReceived("openai")).toEqual([]);
  });

  test("the dashboard shows spend against the cap; pause, resume and raising the budget (signed in the browser) take effect on the next request", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Control bot", keys: { openai: "Limits OpenAI" }, budget: "0", rpm: "" });
    const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] };
    expect((await chat(baseURL!, token, body)).status).toBe(429);
    const row = page.getByTestId("connection-row").filter({ hasText: "Control bot" });
    await row.getByRole("button", { name: "Edit limits" }).click();
    await row.getByLabel("Monthly budget (USD)").fill("2");
    await row.getByRole("button", { name: "Save limits" }).click();
    await expect(row.getByTestId("spend")).toContainText("of $2.00 this month");
    const ok = await chat(baseURL!, token, body);
    expect(ok.status).toBe(200);
    expect(Number(ok.headers.get("x-1relay-budget-remaining-usd"))).toBeLessThan(2);
    await row.getByRole("button", { name: "Pause" }).click();
    await expect(row).toHaveAttribute("data-status", "paused");
    const paused = await chat(baseURL!, token, body);
    expect(paused.status).toBe(403);
    expect(((await paused.json()) as { error: { code: string } }).error.code).toBe("connection_paused");
    // The refusal is in the request log, like every other one, and cost nothing.
    await waitForRows<{ status: number; error_code: string | null; cost_micro_usd: number }>(
      "SELECT status, error_code, cost_micro_usd FROM usage_records WHERE connection_id = ? AND error_code = 'connection_paused'",
      [connectionIdOf(token)],
      (rows) => rows.length === 1 && rows[0]!.status === 403 && rows[0]!.cost_micro_usd === 0,
    );
    await row.getByRole("button", { name: "Resume" }).click();
    await expect(row).toHaveAttribute("data-status", "active");
    expect((await chat(baseURL!, token, body)).status).toBe(200);
    await expect(row.getByTestId("spend")).toContainText(/\$0\.0000\d\d of \$2\.00/, { timeout: 15_000 });
  });

  test("the account-wide cap applies across connections, and Revoke everything refuses every token at once", async ({ baseURL }) => {
    const a = await createToken(page, { name: "Cap bot A", keys: { openai: "Limits OpenAI" }, budget: "", rpm: "" });
    const b = await createToken(page, { name: "Cap bot B", keys: { openai: "Limits OpenAI" }, budget: "", rpm: "" });
    await page.getByRole("link", { name: "Connections", exact: true }).click();
    await expect(page).toHaveURL(/\/dashboard\/connections$/);
    await page.getByLabel("Monthly cap for the whole account (USD)").fill("0");
    await page.getByRole("button", { name: "Save cap" }).click();
    await expect(page.getByRole("status")).toContainText("Account cap set to $0.00");
    const body = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hello" }] };
    for (const token of [a, b]) {
      const refused = await chat(baseURL!, token, body);
      expect(refused.status).toBe(429);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/account's monthly spending cap/);
    }
    await page.getByLabel("Monthly cap for the whole account (USD)").fill("");
    await page.getByRole("button", { name: "Save cap" }).click();
    await expect(page.getByRole("status")).toContainText("Account cap removed");
    expect((await chat(baseURL!, a, body)).status).toBe(200);
    await page.getByRole("button", { name: "Revoke everything" }).click();
    await page.getByRole("button", { name: "Yes, revoke everything" }).click();
    await expect(page.getByRole("status")).toContainText(/Revoked \d+ connections/);
    for (const token of [a, b]) expect((await chat(baseURL!, token, body)).status).toBe(401);
  });
});
