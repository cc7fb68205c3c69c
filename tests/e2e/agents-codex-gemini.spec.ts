import { expect, test, type Page } from "@playwright/test";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { makeAgentHome, runAgent, type AgentHome } from "./helpers/agents";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { connectionIdOf } from "./hostile/setup";

// Issue 15: the agents themselves, against the built worker and the fakes, each on a scoped
// token. Codex CLI (exec mode, a custom provider with wire_api = "responses") and Gemini CLI
// (-p, GOOGLE_GEMINI_BASE_URL). The fakes answer a request that offers tools with a call of the
// first tool, so each agent runs one tool and then prints the fake's answer to the tool result.
// Each run: the answer printed, a usage record per request with the model and the table's cost;
// a token without the provider, or over its budget, gets a refusal the agent shows.

type Row = { provider: string; model: string; status: number; error_code: string | null; input_tokens: number; output_tokens: number; cost_micro_usd: number; streamed: number };

const rowsOf = (token: string, n: number) =>
  waitForRows<Row>("SELECT provider, model, status, error_code, input_tokens, output_tokens, cost_micro_usd, streamed FROM usage_records WHERE connection_id = ? ORDER BY created_at", [connectionIdOf(token)], (r) => r.length >= n);

function expectPriced(rows: Row[], provider: "openai" | "gemini", model: string): void {
  const price = findPrice({ provider, model })!;
  for (const row of rows) {
    expect(row).toMatchObject({ provider, model, status: 200, error_code: null, streamed: 1 });
    expect(row.input_tokens).toBeGreaterThan(100);
    expect(row.cost_micro_usd).toBe(computeCostMicroUsd({ price, usage: { inputTokens: row.input_tokens, outputTokens: row.output_tokens, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } }));
  }
}

test.describe.serial("agents on their own APIs", () => {
  test.describe.configure({ timeout: 180_000 });
  let page: Page;
  const tokens: Record<"codex" | "noOpenai" | "codexBroke" | "gemini" | "noGemini" | "geminiBroke", string> = { codex: "", noOpenai: "", codexBroke: "", gemini: "", noGemini: "", geminiBroke: "" };
  const homes: AgentHome[] = [];

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("agents"), baseURL!);
    await createVault(page, "lantern orchid 58 basalt meridian");
    await addKey(page, "openai", "Agent OpenAI", fakeKeys.openai);
    await addKey(page, "gemini", "Agent Gemini", fakeKeys.gemini);
    const none = { openai: "Not allowed", gemini: "Not allowed" };
    tokens.codex = await createToken(page, { name: "Codex", keys: { ...none, openai: "Agent OpenAI" }, budget: "5", rpm: "" });
    tokens.noOpenai = await createToken(page, { name: "No OpenAI", keys: { ...none, gemini: "Agent Gemini" }, budget: "5", rpm: "" });
    // A cent: below the worst case of one call (the model's maximum output at its output price).
    tokens.codexBroke = await createToken(page, { name: "Codex, a cent", keys: { ...none, openai: "Agent OpenAI" }, budget: "0.01", rpm: "" });
    tokens.gemini = await createToken(page, { name: "Gemini CLI", keys: { ...none, gemini: "Agent Gemini" }, budget: "5", rpm: "" });
    tokens.noGemini = await createToken(page, { name: "No Gemini", keys: { ...none, openai: "Agent OpenAI" }, budget: "5", rpm: "" });
    tokens.geminiBroke = await createToken(page, { name: "Gemini, a cent", keys: { ...none, gemini: "Agent Gemini" }, budget: "0.01", rpm: "" });
  });

  test.afterAll(async () => {
    await page?.close();
    for (const home of homes) home.remove();
  });

  function codexHome(baseURL: string, extra = ""): AgentHome {
    const home = makeAgentHome("codex");
    homes.push(home);
    home.write(
      "codex/config.toml",
      ['model = "gpt-5"', 'model_provider = "relay"', "", "[model_providers.relay]", 'name = "1Relay"', `base_url = "${baseURL}/v1"`, 'env_key = "RELAY_TOKEN"', 'wire_api = "responses"', extra, ""].join("\n"),
    );
    return home;
  }

  const codex = (home: AgentHome, token: string) =>
    runAgent({ name: "codex", args: ["exec", "--skip-git-repo-check", "echo relay-ok"], home, env: { HOME: home.home, CODEX_HOME: `${home.home}/codex`, RELAY_TOKEN: token } });

  function geminiHome(): AgentHome {
    const home = makeAgentHome("gemini");
    homes.push(home);
    home.write(".gemini/settings.json", JSON.stringify({ security: { auth: { selectedType: "gemini-api-key" } } }));
    return home;
  }

  const gemini = (home: AgentHome, baseURL: string, token: string) =>
    runAgent({ name: "gemini", args: ["-p", "Say hi", "-m", "gemini-2.5-flash"], home, env: { HOME: home.home, GOOGLE_GEMINI_BASE_URL: baseURL, GEMINI_API_KEY: token, GEMINI_CLI_TRUST_WORKSPACE: "true" } });

  test("Codex CLI exec: streams /v1/responses, runs the tool the fake asks for, prints the answer; records priced", async ({ baseURL }) => {
    await resetFakes();
    const run = await codex(codexHome(baseURL!), tokens.codex);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout.trim()).toBe("Tool result received.");
    expect(run.stderr).toContain("relay-ok"); // the command the fake asked for ran
    const sent = await fakeReceived("openai");
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /v1/responses", "POST /v1/responses"]);
    for (const body of sent.map((r) => JSON.parse(r.bodyText) as Record<string, unknown>)) {
      expect(body).toMatchObject({ model: "gpt-5", store: false, stream: true });
      expect(JSON.stringify(body.tools)).not.toContain("web_search");
    }
    expectPriced(await rowsOf(tokens.codex, 2), "openai", "gpt-5");
  });

  test("Codex CLI shows the refusal for a token without OpenAI, and for one over its budget", async ({ baseURL }) => {
    await resetFakes();
    const home = codexHome(baseURL!);
    const scoped = await codex(home, tokens.noOpenai);
    expect(scoped.code).not.toBe(0);
    expect(scoped.output).toContain("This token may not use openai.");
    const broke = await codex(home, tokens.codexBroke);
    expect(broke.code).not.toBe(0);
    // insufficient_quota: Codex prints its own words for it.
    expect(broke.output).toContain("Quota exceeded. Check your plan and billing details.");
    expect(await fakeReceived("openai")).toEqual([]);
    const refused = await rowsOf(tokens.noOpenai, 1);
    expect(refused[0]).toMatchObject({ status: 403, error_code: "provider_not_allowed", cost_micro_usd: 0 });
  });

  test("Codex CLI with websockets on falls back to HTTP streaming when the relay answers the upgrade with an error", async ({ baseURL }) => {
    await resetFakes();
    const run = await codex(codexHome(baseURL!, "supports_websockets = true"), tokens.codex);
    expect(run.code, run.output).toBe(0);
    expect(run.output).toContain("Falling back from WebSockets to HTTPS transport.");
    expect(run.stdout.trim()).toBe("Tool result received.");
  });

  test("Gemini CLI -p: streams generateContent with the token in x-goog-api-key, prints the answer; records priced", async ({ baseURL }) => {
    await resetFakes();
    const run = await gemini(geminiHome(), baseURL!, tokens.gemini);
    expect(run.code, run.output).toBe(0);
    expect(run.stdout.trim()).toBe("Tool result received.");
    const sent = await fakeReceived("gemini");
    expect(sent.length).toBeGreaterThanOrEqual(2);
    for (const r of sent) {
      expect(r.path).toBe("/v1beta/models/gemini-2.5-flash:streamGenerateContent");
      expect(r.headers["x-goog-api-key"]).toBe(fakeKeys.gemini);
    }
    expectPriced(await rowsOf(tokens.gemini, sent.length), "gemini", "gemini-2.5-flash");
  });

  test("Gemini CLI shows the refusal for a token without Gemini, and for one over its budget (without retrying for a month)", async ({ baseURL }) => {
    await resetFakes();
    const home = geminiHome();
    const scoped = await gemini(home, baseURL!, tokens.noGemini);
    expect(scoped.code).not.toBe(0);
    expect(scoped.output).toContain("This token may not use gemini.");
    const broke = await gemini(home, baseURL!, tokens.geminiBroke);
    expect(broke.code).not.toBe(0);
    expect(broke.output).toContain("monthly budget of $0.01 does not cover this request");
    expect(await fakeReceived("gemini")).toEqual([]);
  });
});
