import { expect, test } from "@playwright/test";
import { buildTokenConnection } from "../../lib/connections/build-connection";
import { formatConnectionId } from "../../lib/crypto/connection-id";
import { parseRelayToken } from "../../lib/crypto/relay-token";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { PROVIDERS, type ProviderId } from "../../lib/providers/registry";
import { routableModelId } from "../../lib/providers/routing";
import { addProviderKey, createLocalAccount, type LocalAccount } from "../../scripts/local-account/local-account";
import { uniqueEmail } from "./helpers/accounts";
import { fakeKeys } from "./helpers/fake-keys";
import { fakeReceived, resetFakes, type FakeReceived } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";

// Issue 16: each of the nine providers added by the registry, through the built worker and its
// fake: the key reaches that provider's header and nothing else, plain and streamed answers
// pass, usage is priced exactly, and a token whose scope lacks the provider is refused before
// anything is sent. (The account is made over HTTP with the browser's own crypto, as npm run
// demo does; tests/e2e/groq.spec.ts does the same journey in the browser for Groq.)

const NEW_PROVIDERS = ["mistral", "groq", "xai", "deepseek", "openrouter", "together", "fireworks", "cerebras", "perplexity"] as const satisfies readonly ProviderId[];

const connectionIdOf = (token: string) => formatConnectionId(parseRelayToken(token).connectionId);

function chat(baseURL: string, token: string, body: Record<string, unknown>): Promise<Response> {
  return fetch(`${baseURL}/v1/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** The key is in Authorization (as a bearer token) and in no other header, the path or the body. */
function expectKeyOnlyInAuthorization(received: FakeReceived | undefined, key: string, token: string): void {
  expect(received).toBeDefined();
  expect(received!.headers.authorization).toBe(`Bearer ${key}`);
  const carrying = Object.entries(received!.headers).filter(([, value]) => String(value).includes(key)).map(([name]) => name);
  expect(carrying).toEqual(["authorization"]);
  expect(received!.bodyText).not.toContain(key);
  expect(received!.path).not.toContain(key);
  expect(JSON.stringify(received)).not.toContain(token);
  expect(received!.headers.cookie).toBeUndefined();
}

test.describe.serial("nine more providers through the gateway", () => {
  test.describe.configure({ timeout: 120_000 });
  let account: LocalAccount;
  const tokens = {} as Record<(typeof NEW_PROVIDERS)[number] | "openai", string>;

  test.beforeAll(async ({ baseURL }) => {
    test.setTimeout(180_000);
    account = await createLocalAccount({ base: baseURL!, email: uniqueEmail("providers") });
    for (const provider of [...NEW_PROVIDERS, "openai"] as const) {
      const grant = await addProviderKey({ account, provider, label: `My ${PROVIDERS[provider].displayName}`, secret: fakeKeys[provider] });
      // One token per provider, with a budget: every model called here has a price.
      const { token, body } = buildTokenConnection({
        userId: account.userId,
        vaultKey: account.vaultKey,
        name: `Only ${provider}`,
        grants: [grant],
        policy: { v: 1, providers: [provider], models: [], budgetUsd: 5, rpm: 1000, expiresAt: null },
      });
      await account.call("/api/connections", { method: "POST", json: body });
      tokens[provider] = token;
    }
  });
  test.afterAll(() => account?.vaultKey.fill(0));

  for (const provider of NEW_PROVIDERS) {
    const spec = PROVIDERS[provider];
    const upstreamModel = spec.keyTestModel;
    const model = routableModelId({ provider, model: upstreamModel });

    test(`${spec.displayName}: plain and streamed answers, the key in its header only, usage priced exactly`, async ({ baseURL }) => {
      await resetFakes();
      const plain = await chat(baseURL!, tokens[provider], { model: `${provider}/${upstreamModel}`, max_tokens: 40, messages: [{ role: "user", content: `hello ${provider} gateway` }] });
      expect(plain.status, await plain.clone().text()).toBe(200);
      const completion = (await plain.json()) as { choices: { message: { content: string } }[] };
      expect(completion.choices[0]!.message.content).toBe(`You said: hello ${provider} gateway`);
      expect(Number(plain.headers.get("x-1relay-cost-usd"))).toBeGreaterThan(0);

      const streamed = await chat(baseURL!, tokens[provider], { model, stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: "stream it please" }] });
      expect(streamed.status).toBe(200);
      const frames = (await streamed.text()).split("\n\n").filter(Boolean);
      expect(frames.at(-1)).toBe("data: [DONE]");
      expect(frames.at(-2)).toMatch(/^: x-1relay-cost-usd=\d+\.\d{6}$/);
      const chunks = frames.slice(0, -2).map((f) => JSON.parse(f.replace(/^data: /, "")) as { choices: { delta?: { content?: string } }[]; usage?: { prompt_tokens: number } });
      expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toBe("You said: stream it please");
      expect(chunks.filter((c) => c.usage)).toHaveLength(1);

      const received = await fakeReceived(provider);
      expect(received).toHaveLength(2);
      for (const r of received) expectKeyOnlyInAuthorization(r, fakeKeys[provider], tokens[provider]);
      expect(received.map((r) => (JSON.parse(r.bodyText) as { model: string }).model)).toEqual([upstreamModel, upstreamModel]);

      const rows = await waitForRows<{ streamed: number; status: number; input_tokens: number; output_tokens: number; cached_tokens: number; cost_micro_usd: number; provider: string; model: string }>(
        "SELECT provider, model, status, streamed, input_tokens, output_tokens, cached_tokens, cost_micro_usd FROM usage_records WHERE connection_id = ? ORDER BY created_at",
        [connectionIdOf(tokens[provider])],
        (r) => r.length === 2,
      );
      const price = findPrice({ provider, model: upstreamModel })!;
      for (const row of rows) {
        expect(row).toMatchObject({ provider, model: upstreamModel, status: 200 });
        expect(row.input_tokens).toBeGreaterThan(0);
        const usage = { inputTokens: row.input_tokens, outputTokens: row.output_tokens, cachedInputTokens: row.cached_tokens, cacheWriteTokens: 0, reasoningTokens: 0 };
        expect(row.cost_micro_usd).toBe(computeCostMicroUsd({ price, usage }));
        expect(row.cost_micro_usd).toBeGreaterThan(0);
      }
      expect(Number(plain.headers.get("x-1relay-cost-usd"))).toBe(rows.find((r) => r.streamed === 0)!.cost_micro_usd / 1e6);
    });

    test(`${spec.displayName}: a token whose scope lacks it is refused before anything is sent`, async ({ baseURL }) => {
      await resetFakes();
      const response = await chat(baseURL!, tokens.openai, { model: `${provider}/${upstreamModel}`, messages: [{ role: "user", content: "not for you" }] });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("provider_not_allowed");
      expect(await fakeReceived(provider)).toEqual([]);
      // And the other way round: its own token cannot reach OpenAI.
      const other = await chat(baseURL!, tokens[provider], { model: "gpt-4o-mini", messages: [{ role: "user", content: "not for you" }] });
      expect(other.status).toBe(403);
      expect(await fakeReceived("openai")).toEqual([]);
    });
  }

  test("GET /v1/models lists each provider's priced models under names that route back to it", async ({ baseURL }) => {
    for (const provider of NEW_PROVIDERS) {
      const response = await fetch(`${baseURL}/v1/models`, { headers: { authorization: `Bearer ${tokens[provider]}` } });
      expect(response.status).toBe(200);
      const list = (await response.json()) as { data: { id: string; owned_by: string }[] };
      expect(list.data.map((m) => m.id)).toEqual(PROVIDERS[provider].prices.map((p) => routableModelId({ provider, model: p.model })));
      expect(new Set(list.data.map((m) => m.owned_by))).toEqual(new Set([provider]));
    }
  });

  test("a model without a price is refused under a budget before the provider is asked", async ({ baseURL }) => {
    for (const provider of NEW_PROVIDERS) {
      await resetFakes();
      const response = await chat(baseURL!, tokens[provider], { model: `${provider}/${PROVIDERS[provider].keyTestModel}-unpriced`, messages: [{ role: "user", content: "hi" }] });
      expect(response.status, provider).toBe(400);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("model_price_unknown");
      expect(await fakeReceived(provider)).toEqual([]);
    }
  });

  test("a rejected key is provider_key_invalid and flagged in the vault, xAI's 400 included, the key scrubbed", async ({ baseURL }) => {
    for (const provider of ["groq", "xai"] as const) {
      const grant = await addProviderKey({ account, provider, label: `Echo ${provider}`, secret: fakeKeys[provider] });
      const { token, body } = buildTokenConnection({ userId: account.userId, vaultKey: account.vaultKey, name: `Echo ${provider}`, grants: [grant], policy: { v: 1, providers: [provider], models: [], budgetUsd: null, rpm: null, expiresAt: null } });
      await account.call("/api/connections", { method: "POST", json: body });
      const response = await chat(baseURL!, token, { model: `${provider}/${PROVIDERS[provider].keyTestModel}-fake-key-echo`, messages: [{ role: "user", content: "hi" }] });
      const text = await response.text();
      expect(response.status, provider).toBe(401);
      expect(JSON.parse(text).error.code).toBe("provider_key_invalid");
      expect(text).toContain(PROVIDERS[provider].shortName);
      expect(text).not.toContain(fakeKeys[provider]);
      const items = await waitForRows<{ key_status: string | null }>("SELECT key_status FROM vault_items WHERE id = ?", [grant.itemId], (r) => r[0]?.key_status === "rejected");
      expect(items[0]!.key_status).toBe("rejected");
    }
  });
});
