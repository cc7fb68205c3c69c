import { expect, test, type Page } from "@playwright/test";
import Anthropic, { AuthenticationError, PermissionDeniedError } from "@anthropic-ai/sdk";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { readAnthropicUsage } from "../../lib/providers/anthropic-response";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { fakeReceived, resetFakes, scriptFake } from "./helpers/fakes";
import { thrown } from "./helpers/thrown";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// The official @anthropic-ai/sdk, unchanged but for its base URL and key, through the built
// worker's /v1/messages: create, stream with extended thinking, tools, countTokens, the models
// list, 1-hour prompt caching priced exactly, and refusals as the SDK's own error classes.
// Every call's usage record names the messages (or count_tokens) API and costs exactly what
// the fake's reported usage prices at.

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const haiku = findPrice({ provider: "anthropic", model: "claude-haiku-4-5" })!;

function client(baseURL: string, apiKey: string): Anthropic {
  return new Anthropic({ baseURL, apiKey, maxRetries: 0, timeout: 20_000 });
}

interface Row {
  api: string;
  model: string;
  status: number;
  streamed: number;
  input_tokens: number;
  output_tokens: number;
  cached_tokens: number;
  cost_micro_usd: number;
}

/** A token's usage records as they arrive: next(n) waits for n more and returns them, oldest first. */
function recordsOf(token: string) {
  let seen = 0;
  return async function next(count: number): Promise<Row[]> {
    seen += count;
    const rows = await waitForRows<Row>("SELECT api, model, status, streamed, input_tokens, output_tokens, cached_tokens, cost_micro_usd FROM usage_records WHERE connection_id = ? ORDER BY created_at, id", [connectionIdOf(token)], (r) => r.length >= seen);
    expect(rows).toHaveLength(seen);
    return rows.slice(-count);
  };
}

test.describe.serial("the official Anthropic SDK through /v1/messages", () => {
  let page: Page;
  let token: string;
  let openaiOnly: string;
  let newestRecords: (count: number) => Promise<Row[]>;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("anthropic-sdk"), baseURL!);
    await createVault(page, "cobalt harbour 61 maple zephyr");
    await addKey(page, "anthropic", "My Anthropic", fakeKeys.anthropic);
    await addKey(page, "openai", "My OpenAI", fakeKeys.openai);
    token = await createToken(page, { name: "Anthropic SDK bot", keys: { anthropic: "My Anthropic" }, budget: "5", rpm: "" });
    openaiOnly = await createToken(page, { name: "OpenAI only", keys: { openai: "My OpenAI" } });
    newestRecords = recordsOf(token);
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test.beforeEach(async () => {
    await resetFakes();
  });

  test("messages.create: the fake's answer in Anthropic's shape, recorded under the messages API at its exact cost", async ({ baseURL }) => {
    const message = await client(baseURL!, token).messages.create({ model: "claude-haiku-4-5", max_tokens: 256, messages: [{ role: "user", content: "hello from the sdk" }] });
    expect(message.type).toBe("message");
    expect(message.content).toEqual([{ type: "text", text: "You said: hello from the sdk" }]);
    expect(message.usage).toMatchObject({ input_tokens: 4, output_tokens: 6 });
    const [row] = await newestRecords(1);
    expect(row).toMatchObject({ api: "messages", model: "claude-haiku-4-5", status: 200, streamed: 0, input_tokens: 4, output_tokens: 6 });
    expect(row!.cost_micro_usd).toBe(computeCostMicroUsd({ price: haiku, usage: readAnthropicUsage(message.usage) }));
    // Upstream got the re-serialised body with the key in x-api-key, no relay token.
    const [sent] = await fakeReceived("anthropic");
    expect(sent!.headers["x-api-key"]).toBe(fakeKeys.anthropic);
    expect(sent!.headers.authorization).toBeUndefined();
    expect(JSON.stringify(sent!.headers)).not.toContain(token);
  });

  test("messages.stream with extended thinking: thinking (signed) then text, usage from message_start and message_delta", async ({ baseURL }) => {
    const stream = client(baseURL!, token).messages.stream({ model: "claude-haiku-4-5", max_tokens: 2048, thinking: { type: "enabled", budget_tokens: 1024 }, messages: [{ role: "user", content: "think about this" }] });
    const thoughts: string[] = [];
    stream.on("thinking", (delta) => thoughts.push(delta));
    const message = await stream.finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(["thinking", "text"]);
    const thinking = message.content[0] as { thinking: string; signature: string };
    expect(thinking.thinking).toBe("Thinking about: think about this");
    expect(thoughts.join("")).toBe(thinking.thinking);
    expect(thinking.signature).toMatch(/^EqSig/);
    expect(message.content[1]).toMatchObject({ type: "text", text: "You said: think about this" });
    const [row] = await newestRecords(1);
    expect(row).toMatchObject({ api: "messages", streamed: 1, status: 200, output_tokens: message.usage.output_tokens });
    expect(row!.cost_micro_usd).toBe(computeCostMicroUsd({ price: haiku, usage: readAnthropicUsage(message.usage) }));
  });

  test("tools: a tool_use block, then the tool_result answered", async ({ baseURL }) => {
    const sdk = client(baseURL!, token);
    const tools: Anthropic.Tool[] = [{ name: "get_weather", description: "Weather for a city", input_schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } }];
    const first = await sdk.messages.create({ model: "claude-haiku-4-5", max_tokens: 256, tools, messages: [{ role: "user", content: "Paris" }] });
    expect(first.stop_reason).toBe("tool_use");
    const call = first.content.find((b) => b.type === "tool_use")!;
    expect(call).toMatchObject({ name: "get_weather", input: { city: "Paris" } });
    const second = await sdk.messages.create({
      model: "claude-haiku-4-5",
      max_tokens: 256,
      tools,
      messages: [{ role: "user", content: "Paris" }, { role: "assistant", content: first.content }, { role: "user", content: [{ type: "tool_result", tool_use_id: call.id, content: "18 C, clear" }] }],
    });
    expect(second.content).toEqual([{ type: "text", text: "Tool result received." }]);
    const rows = await newestRecords(2);
    expect(rows.map((r) => r.api)).toEqual(["messages", "messages"]);
  });

  test("countTokens: Anthropic's count, forwarded and recorded at $0 under count_tokens", async ({ baseURL }) => {
    const count = await client(baseURL!, token).messages.countTokens({ model: "claude-haiku-4-5", system: "Be brief.", messages: [{ role: "user", content: "What is two plus two?" }] });
    expect(count.input_tokens).toBe(7);
    const [row] = await newestRecords(1);
    expect(row).toMatchObject({ api: "count_tokens", status: 200, cost_micro_usd: 0 });
    expect((await fakeReceived("anthropic"))[0]!.path).toBe("/v1/messages/count_tokens");
  });

  test("1-hour prompt caching: the writes are priced at the 1-hour rate", async ({ baseURL }) => {
    await scriptFake("anthropic", { cacheWriteFraction: 0.5 }, 1);
    const system: Anthropic.TextBlockParam[] = [{ type: "text", text: "A stable system prompt worth caching for an hour today.", cache_control: { type: "ephemeral", ttl: "1h" } }];
    const message = await client(baseURL!, token).messages.create({ model: "claude-haiku-4-5", max_tokens: 256, system, messages: [{ role: "user", content: "hi" }] });
    const written = message.usage.cache_creation_input_tokens!;
    expect(written).toBeGreaterThan(0);
    expect(message.usage.cache_creation).toEqual({ ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: written });
    const [row] = await newestRecords(1);
    const usage = readAnthropicUsage(message.usage);
    expect(usage.cacheWrite1hTokens).toBe(written);
    expect(row!.cost_micro_usd).toBe(computeCostMicroUsd({ price: haiku, usage }));
    expect(row!.cost_micro_usd).toBeGreaterThan(computeCostMicroUsd({ price: haiku, usage: { ...usage, cacheWrite1hTokens: 0 } }));
  });

  test("models.list names the token's models in Anthropic's shape", async ({ baseURL }) => {
    const ids: string[] = [];
    for await (const model of client(baseURL!, token).models.list()) ids.push(model.id);
    expect(ids).toContain("claude-haiku-4-5");
    expect(ids.every((id) => id.startsWith("claude-") || id.startsWith("anthropic/"))).toBe(true);
  });

  test("refusals arrive as the SDK's own errors with 1Relay's message, and nothing reaches Anthropic", async ({ baseURL }) => {
    const bad = await thrown(() => client(baseURL!, `${token.slice(0, -3)}AAA`).messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "x" }] }));
    expect(bad).toBeInstanceOf(AuthenticationError);
    const scope = await thrown(() => client(baseURL!, openaiOnly).messages.create({ model: "claude-haiku-4-5", max_tokens: 10, messages: [{ role: "user", content: "x" }] }));
    expect(scope).toBeInstanceOf(PermissionDeniedError);
    expect((scope as PermissionDeniedError).message).toContain("This token may not use anthropic.");
    expect((scope as PermissionDeniedError).error).toMatchObject({ type: "error", error: { type: "permission_error" } });
    expect(await fakeReceived("anthropic")).toEqual([]);
  });
});
