import { describe, expect, it } from "vitest";
import { fixtureJson, fixtureText } from "../../../tests/fakes/test-helpers";
import { computeCostMicroUsd, findPrice } from "../../limits/pricing";
import { admitted, ACCOUNT_ID, createFakeWorld, makeConnection, policyOf, PROVIDER_KEY } from "../test-support";
import { handleCountTokens, handleMessages } from "./handle-messages";

// /v1/messages and count_tokens through the whole pipeline with fake dependencies: what goes
// upstream (the re-serialised body, the key in x-api-key only, the version and allowed betas,
// no client header), the answer in Anthropic's shape, exact usage and the record's API, and
// every refusal in Anthropic's error shape.

const anthropicPolicy = (over = {}) => policyOf({ providers: ["anthropic"], ...over });
const connection = () => makeConnection({ policy: anthropicPolicy(), grants: ["anthropic"] });
const hello = { model: "claude-haiku-4-5", max_tokens: 256, messages: [{ role: "user", content: "Hello, world" }] };
const json = (body: unknown, init: ResponseInit = {}) => new Response(typeof body === "string" ? body : JSON.stringify(body), { headers: { "content-type": "application/json" }, ...init });

function messagesRequest({ token, body, headers = {}, path = "/v1/messages?beta=true" }: { token: string | null; body: unknown; headers?: Record<string, string>; path?: string }): Request {
  return new Request(`https://relay.test${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const errorOf = async (response: Response) => (await response.json()) as { type: string; error: { type: string; message: string } };

describe("POST /v1/messages through the pipeline", () => {
  it("sends the re-serialised body with the key in x-api-key, the version and only the allowed betas, and no client header", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn, fetch: () => json(fixtureJson("anthropic", "messages-response.json")) });
    const recorded = fixtureJson<{ headers: Record<string, string> }>("anthropic", "claude-code-headers.json").headers;
    const { authorization: _recordedAuth, ...clientHeaders } = recorded;
    const response = await handleMessages({
      request: messagesRequest({ token: conn.token, body: { ...hello, model: "anthropic/claude-haiku-4-5" }, headers: { ...clientHeaders, "anthropic-beta": `${recorded["anthropic-beta"]},fast-mode-2026-02-01`, cookie: "a=b", "x-forwarded-for": "1.2.3.4" } }),
      deps: world.deps,
    });
    expect(response.status).toBe(200);
    const sent = world.upstream[0]!;
    expect(sent.url).toBe("https://anthropic.test/v1/messages");
    expect(sent.init.headers).toEqual({
      "x-api-key": PROVIDER_KEY,
      "anthropic-version": "2023-06-01",
      "anthropic-beta": recorded["anthropic-beta"],
      "content-type": "application/json",
      accept: "application/json",
    });
    expect(JSON.parse(sent.init.body as string)).toEqual({ ...hello, model: "claude-haiku-4-5" });
  });

  it("answers in Anthropic's shape and records the exact usage and cost under the messages API", async () => {
    const conn = connection();
    const message = fixtureJson<{ usage: Record<string, number> }>("anthropic", "messages-response.json");
    const world = createFakeWorld({ connection: conn, fetch: () => json(message) });
    const response = await handleMessages({ request: messagesRequest({ token: conn.token, body: hello }), deps: world.deps });
    expect(await response.json()).toEqual(message);
    expect(world.calls.admit[0]!.request).toMatchObject({ provider: "anthropic", model: "claude-haiku-4-5", api: "messages", streamed: false });
    await world.drain();
    const u = message.usage;
    const usage = { inputTokens: u.input_tokens! + u.cache_read_input_tokens! + u.cache_creation_input_tokens!, outputTokens: u.output_tokens!, cachedInputTokens: u.cache_read_input_tokens!, cacheWriteTokens: u.cache_creation_input_tokens!, reasoningTokens: 0 };
    const cost = computeCostMicroUsd({ price: findPrice({ provider: "anthropic", model: "claude-haiku-4-5" })!, usage });
    expect(world.calls.finish[0]!.entry).toMatchObject({ api: "messages", status: 200, inputTokens: usage.inputTokens, outputTokens: usage.outputTokens, cachedTokens: usage.cachedInputTokens, costMicroUsd: cost });
    expect(response.headers.get("x-1relay-cost-usd")).toBe((cost / 1e6).toFixed(6));
  });

  it("relays a thinking stream event by event and settles it from message_start and message_delta", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn, decide: () => admitted({ reservedMicroUsd: 5_000 }), fetch: () => new Response(fixtureText("anthropic", "stream-thinking.sse"), { headers: { "content-type": "text/event-stream" } }) });
    const response = await handleMessages({ request: messagesRequest({ token: conn.token, body: { ...hello, stream: true, thinking: { type: "enabled", budget_tokens: 128 } } }), deps: world.deps });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).toContain('"signature_delta"');
    expect(text).toContain('"type": "redacted_thinking"');
    expect(text).toMatch(/event: message_stop\ndata: \{"type": "message_stop"\}\n\n: x-1relay-cost-usd=0\.\d{6}\n\n$/);
    await world.drain();
    expect(world.calls.finish[0]!.entry).toMatchObject({ api: "messages", streamed: true, status: 200, errorCode: null, inputTokens: 48, outputTokens: 120 });
  });

  it("accepts the token as x-api-key", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn, fetch: () => json(fixtureJson("anthropic", "messages-response.json")) });
    const response = await handleMessages({ request: messagesRequest({ token: null, body: hello, headers: { "x-api-key": conn.token } }), deps: world.deps });
    expect(response.status).toBe(200);
  });

  it("answers every refusal in Anthropic's error shape with the right status", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn });
    const noToken = await handleMessages({ request: messagesRequest({ token: null, body: hello }), deps: world.deps });
    expect(noToken.status).toBe(401);
    expect(await errorOf(noToken)).toMatchObject({ type: "error", error: { type: "authentication_error" } });
    const badBody = await handleMessages({ request: messagesRequest({ token: conn.token, body: { ...hello, max_tokens: undefined } }), deps: world.deps });
    expect(badBody.status).toBe(400);
    expect(await errorOf(badBody)).toMatchObject({ error: { type: "invalid_request_error", message: "Missing required parameter: 'max_tokens'." } });
    const gpt = await handleMessages({ request: messagesRequest({ token: conn.token, body: { ...hello, model: "gpt-4o-mini" } }), deps: world.deps });
    expect(gpt.status).toBe(403);
    expect(await errorOf(gpt)).toMatchObject({ error: { type: "permission_error", message: "This token may not use openai." } });
    const version = await handleMessages({ request: messagesRequest({ token: conn.token, body: hello, headers: { "anthropic-version": "2020-01-01" } }), deps: world.deps });
    expect(version.status).toBe(400);
    expect(world.upstream).toEqual([]);
  });

  it("refuses a token without Anthropic (403 permission_error) and one over its budget (429 billing_error, not to be retried)", async () => {
    const openaiOnly = makeConnection();
    const scope = await handleMessages({ request: messagesRequest({ token: openaiOnly.token, body: hello }), deps: createFakeWorld({ connection: openaiOnly }).deps });
    expect(scope.status).toBe(403);
    expect(await errorOf(scope)).toMatchObject({ error: { type: "permission_error", message: "This token may not use anthropic." } });
    const conn = connection();
    const broke = createFakeWorld({ connection: conn, decide: () => ({ ok: false, reason: "budget_exhausted", rate: null, limitMicroUsd: 1_000, spentMicroUsd: 1_000, reservedMicroUsd: 0, resetsAt: Date.UTC(2030, 0, 1) }) });
    const budget = await handleMessages({ request: messagesRequest({ token: conn.token, body: hello }), deps: broke.deps });
    expect(budget.status).toBe(429);
    expect(budget.headers.get("x-should-retry")).toBe("false");
    expect(await errorOf(budget)).toMatchObject({ error: { type: "billing_error" } });
    expect(broke.upstream).toEqual([]);
  });

  it("passes an upstream error on in Anthropic's shape, scrubbed of the key", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn, fetch: () => json({ type: "error", error: { type: "authentication_error", message: `invalid x-api-key ${PROVIDER_KEY}` } }, { status: 401 }) });
    const response = await handleMessages({ request: messagesRequest({ token: conn.token, body: hello }), deps: world.deps });
    expect(response.status).toBe(401);
    const body = await errorOf(response);
    expect(body.error.type).toBe("authentication_error");
    expect(body.error.message).toMatch(/^Anthropic rejected the API key stored for this connection/);
    expect(body.error.message).not.toContain(PROVIDER_KEY);
  });
});

describe("POST /v1/messages for another provider's model (Claude Code driving gpt-*)", () => {
  it("sends the provider a Chat Completions request with its own key, and answers in Anthropic's shape with that provider's usage", async () => {
    const conn = makeConnection({ policy: policyOf({ providers: ["openai"] }), grants: ["openai"] });
    const world = createFakeWorld({ connection: conn, fetch: () => json(fixtureJson("openai", "chat-response.json")) });
    const response = await handleMessages({ request: messagesRequest({ token: conn.token, body: { ...hello, model: "gpt-4o-mini", system: "Be brief." } }), deps: world.deps });
    expect(response.status).toBe(200);
    const sent = world.upstream[0]!;
    expect(sent.url).toBe("https://openai.test/v1/chat/completions");
    expect((sent.init.headers as Record<string, string>).authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(JSON.parse(sent.init.body as string)).toMatchObject({ model: "gpt-4o-mini", max_completion_tokens: 256, messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "Hello, world" }] });
    const message = (await response.json()) as { type: string; model: string; content: { type: string; text: string }[]; stop_reason: string; usage: Record<string, number> };
    expect(message).toMatchObject({ type: "message", model: "gpt-4o-mini", stop_reason: "end_turn", content: [{ type: "text", text: "Hello! How can I assist you today?" }], usage: { input_tokens: 19, output_tokens: 10 } });
    await world.drain();
    expect(world.calls.finish[0]!.entry).toMatchObject({ api: "messages", provider: "openai", model: "gpt-4o-mini", inputTokens: 19, outputTokens: 10 });
  });

  it("streams the provider's chunks as Anthropic's events", async () => {
    const conn = makeConnection({ policy: policyOf({ providers: ["openai"] }), grants: ["openai"] });
    const world = createFakeWorld({ connection: conn, decide: () => admitted({ reservedMicroUsd: 5_000 }), fetch: () => new Response(fixtureText("openai", "chat-stream.sse"), { headers: { "content-type": "text/event-stream" } }) });
    const response = await handleMessages({ request: messagesRequest({ token: conn.token, body: { ...hello, model: "gpt-4o-mini", stream: true } }), deps: world.deps });
    const text = await response.text();
    expect(text.startsWith("event: message_start\n")).toBe(true);
    expect(text).toMatch(/event: message_stop\ndata: \{"type":"message_stop"\}\n\n: x-1relay-cost-usd=/);
    expect(JSON.parse(world.upstream[0]!.init.body as string)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });
});

describe("POST /v1/messages/count_tokens through the pipeline", () => {
  it("is forwarded, token- and scope-checked and admitted (rpm) with nothing reserved, and recorded at $0", async () => {
    const conn = makeConnection({ policy: anthropicPolicy({ budgetUsd: 1 }), grants: ["anthropic"] });
    const world = createFakeWorld({ connection: conn, fetch: () => json({ input_tokens: 7 }) });
    const response = await handleCountTokens({ request: messagesRequest({ token: conn.token, path: "/v1/messages/count_tokens?beta=true", body: { model: "claude-haiku-4-5", messages: hello.messages }, headers: { "anthropic-beta": "token-counting-2024-11-01" } }), deps: world.deps });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ input_tokens: 7 });
    expect(world.upstream[0]!.url).toBe("https://anthropic.test/v1/messages/count_tokens");
    expect(world.calls.admit[0]!.request).toMatchObject({ api: "count_tokens", costMicroUsd: 0 });
    await world.drain();
    expect(world.calls.finish[0]).toMatchObject({ accountId: ACCOUNT_ID, entry: { api: "count_tokens", status: 200, costMicroUsd: 0, inputTokens: 0 } });
  });

  it("refuses generation settings as Anthropic would, before anything is sent", async () => {
    const conn = connection();
    const world = createFakeWorld({ connection: conn });
    const response = await handleCountTokens({ request: messagesRequest({ token: conn.token, path: "/v1/messages/count_tokens", body: hello }), deps: world.deps });
    expect(response.status).toBe(400);
    expect(await errorOf(response)).toMatchObject({ type: "error", error: { type: "invalid_request_error" } });
    expect(world.upstream).toEqual([]);
  });
});
