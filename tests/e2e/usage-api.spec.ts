import { expect, test, type Page } from "@playwright/test";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Which API each request used, on the Usage page (a "By API" table), in the request log (a
// column), in the CSV (a column) and as a filter of /api/usage: a chat completion, an Anthropic
// Messages call and a count_tokens call by one token.

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(6)}`;
const anthropicHeaders = (token: string) => ({ "x-api-key": token, "anthropic-version": "2023-06-01", "content-type": "application/json" });

test.describe.serial("Usage by API", () => {
  let page: Page;

  test.beforeAll(async ({ browser, baseURL }) => {
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("usage-api"), baseURL!);
    await createVault(page, "velvet comet 36 prairie anchor");
    await addKey(page, "anthropic", "Usage Anthropic", fakeKeys.anthropic);
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test("a chat completion, a Messages call and a count_tokens call show under their APIs", async ({ baseURL }) => {
    const token = await createToken(page, { name: "API mix", keys: { anthropic: "Usage Anthropic" } });
    const body = { model: "claude-haiku-4-5", max_tokens: 32, messages: [{ role: "user", content: "which api" }] };
    const chat = await fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
    const messages = await fetch(`${baseURL}/v1/messages`, { method: "POST", headers: anthropicHeaders(token), body: JSON.stringify(body) });
    const count = await fetch(`${baseURL}/v1/messages/count_tokens`, { method: "POST", headers: anthropicHeaders(token), body: JSON.stringify({ model: body.model, messages: body.messages }) });
    expect([chat.status, messages.status, count.status]).toEqual([200, 200, 200]);
    const rows = await waitForRows<{ api: string; cost_micro_usd: number }>("SELECT api, cost_micro_usd FROM usage_records WHERE connection_id = ? ORDER BY api", [connectionIdOf(token)], (r) => r.length === 3);
    expect(rows.map((r) => r.api)).toEqual(["chat", "count_tokens", "messages"]);
    const cost = Object.fromEntries(rows.map((r) => [r.api, r.cost_micro_usd]));

    await page.goto("/dashboard/usage");
    const byApi = page.getByTestId("by-api");
    await expect(byApi.getByTestId("breakdown-row")).toHaveCount(3);
    for (const [api, label] of [["chat", "Chat Completions"], ["messages", "Anthropic Messages"], ["count_tokens", "Messages count_tokens"]] as const) {
      const row = byApi.locator(`[data-key="${api}"]`);
      await expect(row).toContainText(label);
      await expect(row.locator('[data-cell="requests"]')).toHaveText("1");
      await expect(row.locator('[data-cell="spend"]')).toHaveText(usd(cost[api]!));
    }
    await expect(page.getByTestId("usage-row").locator('[data-cell="api"]')).toHaveText(["count_tokens", "messages", "chat"]);

    const csv = await (await page.request.get("/api/usage?view=csv&range=today")).text();
    const [header, ...lines] = csv.trimEnd().split("\r\n");
    expect(header!.split(",").at(-1)).toBe("api");
    expect(lines.map((l) => l.split(",").at(-1)).sort()).toEqual(["chat", "count_tokens", "messages"]);

    const filtered = (await (await page.request.get("/api/usage?view=log&range=today&api=messages")).json()) as { rows: { api: string }[] };
    expect(filtered.rows.map((r) => r.api)).toEqual(["messages"]);
    expect((await page.request.get("/api/usage?view=log&range=today&api=smoke_signals")).status()).toBe(400);
  });
});
