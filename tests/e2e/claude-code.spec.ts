import { expect, test, type Page } from "@playwright/test";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { readAnthropicUsage } from "../../lib/providers/anthropic-response";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { runAgent } from "./helpers/agents";
import { fakeReceived, resetFakes, scriptFake } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";

// Claude Code itself (@anthropic-ai/claude-code, pinned in scripts/agents/agents.mjs), in print
// mode, pointed at the built worker exactly as the "Use with agents" page says:
// ANTHROPIC_BASE_URL=<origin>, ANTHROPIC_AUTH_TOKEN=<relay token>. It prints the fake's answer,
// each of its requests is recorded under the messages API at the cost of the fake's reported
// usage, and a token without Anthropic or over its budget gets a refusal Claude Code shows.

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);
const ANSWER = "Hello from the fake Anthropic, through 1Relay.";

function claude(baseURL: string, token: string, prompt = "Say hi") {
  return runAgent({ name: "claude", args: ["-p", prompt, "--model", "claude-haiku-4-5"], env: { ANTHROPIC_BASE_URL: baseURL, ANTHROPIC_AUTH_TOKEN: token } });
}

test.describe.serial("Claude Code through 1Relay", () => {
  let page: Page;
  let token: string;
  let openaiOnly: string;
  let broke: string;
  let onGpt: string;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("claude-code"), baseURL!);
    await createVault(page, "saffron glacier 29 ember violin");
    await addKey(page, "anthropic", "Claude key", fakeKeys.anthropic);
    await addKey(page, "openai", "OpenAI key", fakeKeys.openai);
    token = await createToken(page, { name: "Claude Code", keys: { anthropic: "Claude key" }, models: ["claude-haiku-4-5"], budget: "5", rpm: "60" });
    openaiOnly = await createToken(page, { name: "No Anthropic", keys: { openai: "OpenAI key" } });
    broke = await createToken(page, { name: "Broke agent", keys: { anthropic: "Claude key" }, budget: "0" });
    onGpt = await createToken(page, { name: "Claude Code on GPT", keys: { openai: "OpenAI key" } });
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test.afterEach(async () => {
    await resetFakes();
  });

  test("answers HEAD / with 200, as Claude Code checks first", async ({ baseURL }) => {
    const response = await fetch(`${baseURL}/`, { method: "HEAD" });
    expect(response.status).toBe(200);
  });

  test("claude -p prints the fake's answer; each request is recorded under the messages API at the fake's usage's exact cost", async ({ baseURL }) => {
    test.setTimeout(150_000);
    await resetFakes();
    await scriptFake("anthropic", { replyText: ANSWER });
    const run = await claude(baseURL!, token);
    console.log(`claude -p: exit ${run.code} in ${run.ms} ms`);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout.trim()).toBe(ANSWER);

    const received = (await fakeReceived("anthropic")).filter((r) => r.path === "/v1/messages");
    expect(received.length).toBeGreaterThanOrEqual(1);
    for (const request of received) {
      // The key went upstream, the relay token and Claude Code's own headers did not.
      expect(request.headers["x-api-key"]).toBe(fakeKeys.anthropic);
      for (const name of ["authorization", "x-app", "anthropic-dangerous-direct-browser-access", "x-claude-code-session-id", "x-stainless-lang", "cookie"]) expect(request.headers[name], name).toBeUndefined();
      expect(request.headers["anthropic-beta"]).toContain("context-management-2025-06-27");
      expect(JSON.stringify(request.headers)).not.toContain(token);
    }

    const price = findPrice({ provider: "anthropic", model: "claude-haiku-4-5" })!;
    const rows = await waitForRows<{ api: string; model: string; status: number; streamed: number; cost_micro_usd: number }>(
      "SELECT api, model, status, streamed, cost_micro_usd FROM usage_records WHERE connection_id = ? ORDER BY created_at, id",
      [connectionIdOf(token)],
      (r) => r.length >= received.length,
    );
    expect(rows).toHaveLength(received.length);
    for (const row of rows) expect(row).toMatchObject({ api: "messages", model: "claude-haiku-4-5", status: 200 });
    const expected = received.reduce((sum, r) => sum + computeCostMicroUsd({ price, usage: readAnthropicUsage(r.reportedUsage) }), 0);
    expect(expected).toBeGreaterThan(0);
    expect(rows.reduce((sum, r) => sum + r.cost_micro_usd, 0)).toBe(expected);
  });

  test("claude -p --model gpt-4o-mini: Claude Code drives OpenAI's model, its Messages translated, and prints the fake OpenAI's answer", async ({ baseURL }) => {
    await resetFakes();
    await scriptFake("openai", { replyText: ANSWER });
    const run = await runAgent({ name: "claude", args: ["-p", "Say hi", "--model", "gpt-4o-mini"], env: { ANTHROPIC_BASE_URL: baseURL!, ANTHROPIC_AUTH_TOKEN: onGpt } });
    console.log(`claude -p --model gpt-4o-mini: exit ${run.code} in ${run.ms} ms`);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout.trim()).toBe(ANSWER);
    const received = await fakeReceived("openai");
    expect(received.length).toBeGreaterThanOrEqual(1);
    for (const request of received) {
      expect(request.path).toBe("/v1/chat/completions");
      expect(request.headers.authorization).toBe(`Bearer ${fakeKeys.openai}`);
    }
    expect(await fakeReceived("anthropic")).toEqual([]);
    const rows = await waitForRows<{ api: string; provider: string; model: string; status: number; cost_micro_usd: number }>(
      "SELECT api, provider, model, status, cost_micro_usd FROM usage_records WHERE connection_id = ?",
      [connectionIdOf(onGpt)],
      (r) => r.length >= received.length,
    );
    for (const row of rows) expect(row).toMatchObject({ api: "messages", provider: "openai", model: "gpt-4o-mini", status: 200 });
    expect(rows.every((r) => r.cost_micro_usd > 0)).toBe(true);
  });

  test("a token without Anthropic: Claude Code shows 1Relay's refusal, and nothing reaches Anthropic", async ({ baseURL }) => {
    const run = await claude(baseURL!, openaiOnly);
    console.log(`claude -p (no Anthropic): exit ${run.code} in ${run.ms} ms`);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("This token may not use anthropic.");
    expect(await fakeReceived("anthropic")).toEqual([]);
  });

  test("a mistyped token: Claude Code says it failed to authenticate at once, without retrying for minutes", async ({ baseURL }) => {
    const run = await runAgent({ name: "claude", args: ["-p", "Say hi", "--model", "claude-haiku-4-5"], env: { ANTHROPIC_BASE_URL: baseURL!, ANTHROPIC_AUTH_TOKEN: `${token.slice(0, -3)}AAA` }, timeoutMs: 60_000 });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("Incorrect or revoked relay token provided.");
  });

  test("a token over its budget: Claude Code shows the budget refusal, and nothing reaches Anthropic", async ({ baseURL }) => {
    const run = await claude(baseURL!, broke);
    console.log(`claude -p (over budget): exit ${run.code} in ${run.ms} ms`);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/monthly budget of \$0\.00 does not cover this request/);
    expect(await fakeReceived("anthropic")).toEqual([]);
  });
});
