import { expect, test, type Page } from "@playwright/test";
import { boundMessagesCall } from "../../lib/gateway/messages/messages-bounds";
import { messagesBodySchema, parseMessagesBody } from "../../lib/gateway/messages/messages-request";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { computeCostMicroUsd, findPrice, worstCaseCostMicroUsd } from "../../lib/limits/pricing";
import { readAnthropicUsage } from "../../lib/providers/anthropic-response";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes, scriptFake } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Budgets hold on /v1/messages as on chat completions (issue 6's proofs, for Anthropic's own
// API): concurrent streamed calls against a small budget never overshoot it, and a stream cut
// by the provider or left by the client is settled by the bound rule.

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const price = findPrice({ provider: "anthropic", model: "claude-haiku-4-5" })!;
const body = { model: "claude-haiku-4-5", max_tokens: 40, stream: true, messages: [{ role: "user", content: "count the budget words please" }] };

function worstCase(): number {
  const bounds = boundMessagesCall({ body: parseMessagesBody({ body, schema: messagesBodySchema }), provider: "anthropic", upstreamModel: "claude-haiku-4-5" })!;
  return worstCaseCostMicroUsd({ price, maxInputTokens: bounds.maxInputTokens, maxOutputTokens: bounds.maxOutputTokens });
}

function messages(baseURL: string, token: string, signal?: AbortSignal): Promise<Response> {
  return fetch(`${baseURL}/v1/messages?beta=true`, { method: "POST", headers: { "x-api-key": token, "anthropic-version": "2023-06-01", "content-type": "application/json" }, body: JSON.stringify(body), signal });
}

type Row = { status: number; error_code: string | null; cost_micro_usd: number; api: string; input_tokens: number; output_tokens: number };
const rowsOf = (token: string, count: number) => waitForRows<Row>("SELECT status, error_code, cost_micro_usd, api, input_tokens, output_tokens FROM usage_records WHERE connection_id = ?", [connectionIdOf(token)], (r) => r.length === count);

test.describe.serial("budgets on /v1/messages", () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("messages-limits"), baseURL!);
    await createVault(page, "indigo canyon 52 harbor lantern");
    await addKey(page, "anthropic", "Limits Anthropic", fakeKeys.anthropic);
  });

  test.afterEach(async () => {
    await resetFakes();
  });

  test("30 concurrent streamed calls against a budget for about ten: spend stays within it, the rest get Anthropic's billing error and never reach the provider", async ({ baseURL }) => {
    const budgetMicro = Math.floor(10.5 * worstCase());
    const token = await createToken(page, { name: "Messages budget bot", keys: { anthropic: "Limits Anthropic" }, budget: (budgetMicro / 1e6).toFixed(6), rpm: "" });
    await resetFakes();
    // Each upstream stream takes a while, so the reservations overlap as they would under load.
    await scriptFake("anthropic", { delayMs: 150 });
    const responses = await Promise.all(Array.from({ length: 30 }, () => messages(baseURL!, token)));
    const ok = responses.filter((r) => r.status === 200);
    const refused = responses.filter((r) => r.status !== 200);
    expect(ok.length).toBeGreaterThanOrEqual(8);
    expect(ok.length).toBeLessThanOrEqual(11);
    for (const r of refused) {
      expect(r.status).toBe(429);
      expect(r.headers.get("x-should-retry")).toBe("false");
      const error = (await r.json()) as { type: string; error: { type: string; message: string } };
      expect(error).toMatchObject({ type: "error", error: { type: "billing_error" } });
      expect(error.error.message).toMatch(/monthly budget .* resets on \d{4}-\d{2}-01 00:00 UTC/);
    }
    const streams = await Promise.all(ok.map((r) => r.text()));
    for (const text of streams) expect(text).toContain("event: message_stop");
    const received = await fakeReceived("anthropic");
    expect(received).toHaveLength(ok.length);

    const rows = await rowsOf(token, 30);
    const spent = rows.reduce((sum, row) => sum + row.cost_micro_usd, 0);
    expect(spent).toBeLessThanOrEqual(budgetMicro);
    expect(spent).toBe(received.reduce((sum, r) => sum + computeCostMicroUsd({ price, usage: readAnthropicUsage(r.reportedUsage) }), 0));
    expect(rows.filter((row) => row.status === 429)).toHaveLength(refused.length);
    expect(new Set(rows.map((row) => row.api))).toEqual(new Set(["messages"]));
  });

  test("a stream the provider cuts, and one the client leaves, are charged by the bound rule: at least what was delivered, never above the reservation", async ({ baseURL }) => {
    const token = await createToken(page, { name: "Messages cut bot", keys: { anthropic: "Limits Anthropic" }, budget: "1", rpm: "" });
    await resetFakes();
    await scriptFake("anthropic", { dropAfterChunks: 6 }, 1);
    const cut = await messages(baseURL!, token);
    const text = await cut.text();
    expect(text).toMatch(/event: error\ndata: \{"type":"error","error":\{"type":"api_error","message":"Anthropic closed the stream before it finished\."\}\}/);

    await scriptFake("anthropic", { delayMs: 400 }, 1);
    const controller = new AbortController();
    const left = await messages(baseURL!, token, controller.signal);
    const reader = left.body!.getReader();
    await reader.read();
    controller.abort();
    await reader.cancel().catch(() => {});
    await expect.poll(async () => (await fakeReceived("anthropic")).at(-1)?.outcome, { timeout: 15_000 }).toBe("client-closed");

    const rows = await rowsOf(token, 2);
    const worst = worstCase();
    const byCode = Object.fromEntries(rows.map((r) => [r.error_code, r]));
    expect(byCode.upstream_stream_error).toMatchObject({ status: 200, api: "messages" });
    expect(byCode.client_closed).toMatchObject({ status: 499, api: "messages" });
    for (const row of rows) {
      expect(row.cost_micro_usd).toBeGreaterThan(0);
      expect(row.cost_micro_usd).toBeLessThanOrEqual(worst);
      // The prompt was reported in message_start: it is charged at that figure.
      expect(row.input_tokens).toBe(5);
    }
  });
});
