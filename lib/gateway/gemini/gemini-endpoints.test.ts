import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGemini } from "../../../tests/fakes/gemini";
import type { FakeServer } from "../../../tests/fakes/types";
import { gatewayRoute } from "../../../workers/gateway-routes";
import { createFakeWorld, makeConnection, policyOf, type FakeWorld } from "../test-support";

// Gemini's native API through the whole pipeline (fake account object, real crypto) to the fake
// Gemini server over HTTP, dispatched by the worker's route table as in production.

const GEMINI_KEY = "AIzaSyFAKE-fake-fake-fake-fake-fake-123";
const cli = readFileSync(new URL("../../../tests/fakes/fixtures/gemini/gemini-cli-request.json", import.meta.url), "utf8");
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeGemini({ expectedKey: GEMINI_KEY });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function setUp(policy = policyOf({ providers: ["gemini"], budgetUsd: 20 }), decide?: Parameters<typeof createFakeWorld>[0]["decide"]): { world: FakeWorld; token: string } {
  const connection = makeConnection({ policy, provider: "gemini", secret: GEMINI_KEY });
  const world = createFakeWorld({ connection, ...(decide ? { decide } : {}), fetch: (url, init) => fetch(url.replace("https://gemini.test", fake.url), init) });
  return { world, token: connection.token };
}

async function call(w: FakeWorld, { path, body, headers = {}, method = "POST" }: { path: string; body?: unknown; headers?: Record<string, string>; method?: string }): Promise<Response> {
  const request = new Request(`https://relay.test${path}`, { method, headers: { ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers }, body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body) });
  const handler = gatewayRoute(request);
  if (!handler) throw new Error(`no route for ${method} ${path}`);
  return handler({ request, deps: w.deps });
}

const hello = { contents: [{ role: "user", parts: [{ text: "hello there" }] }] };

describe("Gemini's native API", () => {
  it("generateContent: the token in x-goog-api-key, the key upstream in its header only, the model's maximum output sent, usage settled", async () => {
    const { world: w, token } = setUp();
    const response = await call(w, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: hello, headers: { "x-goog-api-key": token } });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { candidates: { content: { parts: { text: string }[] } }[] };
    expect(body.candidates[0]!.content.parts[0]!.text).toBe("You said: hello there");
    const upstream = fake.received.at(-1)!;
    expect(upstream.path).toBe("/v1beta/models/gemini-2.5-flash:generateContent");
    expect(upstream.query).toEqual({});
    expect(upstream.headers["x-goog-api-key"]).toBe(GEMINI_KEY);
    expect((upstream.json as { generationConfig: { maxOutputTokens: number } }).generationConfig.maxOutputTokens).toBe(65_536);
    await w.drain();
    expect(w.calls.finish[0]!.entry).toMatchObject({ provider: "gemini", model: "gemini-2.5-flash", status: 200, inputTokens: 2, outputTokens: 4 });
    expect(w.calls.finish[0]!.entry.costMicroUsd).toBeGreaterThan(0);
  });

  it("takes the token from ?key= too, and never sends the query on", async () => {
    const { world: w, token } = setUp();
    const response = await call(w, { path: `/v1/models/gemini-2.5-flash:generateContent?key=${token}`, body: hello });
    expect(response.status).toBe(200);
    const upstream = fake.received.at(-1)!;
    expect(upstream.query).toEqual({});
    expect(JSON.stringify(upstream)).not.toContain(token);
  });

  it("streams Gemini CLI's recorded request as SSE (CRLF, no comment line) and settles thoughts as output", async () => {
    const { world: w, token } = setUp();
    fake.script({ reasoningTokens: 30 }, { times: 1 });
    const response = await call(w, { path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", body: cli, headers: { "x-goog-api-key": token } });
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const text = await response.text();
    expect(text).toMatch(/^data: \{.*\}\r\n\r\n/);
    expect(text).not.toMatch(/^:/m);
    expect(text).toContain('"functionCall":{"name":"update_topic"');
    expect(fake.received.at(-1)!.query).toEqual({ alt: "sse" });
    await w.drain();
    expect(w.calls.finish[0]!.entry).toMatchObject({ status: 200, errorCode: null });
    expect(w.calls.finish[0]!.entry.outputTokens).toBeGreaterThanOrEqual(30);
  });

  it("streams Google's JSON-array form when alt=sse is absent, and ends a cut stream with Gemini's error object", async () => {
    const { world: w, token } = setUp();
    const whole = await call(w, { path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent", body: hello, headers: { "x-goog-api-key": token } });
    expect(whole.headers.get("content-type")).toMatch(/^application\/json/);
    const chunks = JSON.parse(await whole.text()) as { candidates: { content: { parts: { text: string }[] } }[] }[];
    expect(chunks.map((c) => c.candidates[0]!.content.parts[0]!.text).join("")).toBe("You said: hello there");
    fake.script("drop-2", { times: 1 });
    const cut = JSON.parse(await (await call(w, { path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent", body: hello, headers: { "x-goog-api-key": token } })).text()) as unknown[];
    expect(cut.at(-1)).toMatchObject({ error: { code: 500, status: "INTERNAL" } });
    await w.drain();
    expect(w.calls.finish.map((f) => f.entry.errorCode)).toEqual([null, "upstream_stream_error"]);
  });

  it("countTokens is forwarded and not billed: a reservation of 0, a record of $0", async () => {
    const { world: w, token } = setUp();
    const response = await call(w, { path: "/v1beta/models/gemini-2.5-flash:countTokens", body: { contents: [{ parts: [{ text: "four words right here" }] }] }, headers: { "x-goog-api-key": token } });
    expect(await response.json()).toMatchObject({ totalTokens: 4 });
    await w.drain();
    expect(w.calls.admit[0]!.request!.costMicroUsd).toBe(0);
    expect(w.calls.finish[0]!.entry).toMatchObject({ status: 200, costMicroUsd: 0, inputTokens: 0 });
  });

  it("embedContent and batchEmbedContents are priced at the embedding rate", async () => {
    const { world: w, token } = setUp();
    const batch = await call(w, { path: "/v1/models/gemini-embedding-001:batchEmbedContents", body: { requests: [{ model: "models/gemini-embedding-001", content: { parts: [{ text: "hello world" }] } }] }, headers: { "x-goog-api-key": token } });
    expect(((await batch.json()) as { embeddings: unknown[] }).embeddings).toHaveLength(1);
    const wrongModel = await call(w, { path: "/v1beta/models/gemini-embedding-001:batchEmbedContents", body: { requests: [{ model: "models/other", content: { parts: [{ text: "x" }] } }] }, headers: { "x-goog-api-key": token } });
    expect(wrongModel.status).toBe(400);
    await w.drain();
    expect(w.calls.finish[0]!.entry).toMatchObject({ model: "gemini-embedding-001", inputTokens: 2, outputTokens: 0, costMicroUsd: 1 });
  });

  it("refuses in Gemini's error shape: bad token, hosted tools, stored content, a spent budget (with a RetryInfo past Gemini CLI's retry limit)", async () => {
    const { world: w, token } = setUp();
    const bad = await call(w, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: hello, headers: { "x-goog-api-key": "1r_nope" } });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toMatchObject({ error: { code: 401, status: "UNAUTHENTICATED" } });
    const search = await call(w, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: { ...hello, tools: [{ google_search: {} }] }, headers: { "x-goog-api-key": token } });
    expect(search.status).toBe(400);
    expect(await search.json()).toMatchObject({ error: { code: 400, status: "INVALID_ARGUMENT", message: expect.stringContaining("googleSearch") } });
    const cached = await call(w, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: { ...hello, cached_content: "cachedContents/x" }, headers: { "x-goog-api-key": token } });
    expect(cached.status).toBe(400);
    const pdf = await call(w, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: { contents: [{ parts: [{ inline_data: { mime_type: "application/pdf", data: "JVBERi0=" } }] }] }, headers: { "x-goog-api-key": token } });
    expect(((await pdf.json()) as { error: { message: string } }).error.message).toContain("application/pdf");
    const spent = setUp(policyOf({ providers: ["gemini"], budgetUsd: 1 }), () => ({ ok: false, reason: "budget_exhausted", rate: null, resetsAt: Date.UTC(2030, 0, 1), limitMicroUsd: 1_000_000, spentMicroUsd: 1_000_000, reservedMicroUsd: 0 }));
    const refused = await call(spent.world, { path: "/v1beta/models/gemini-2.5-flash:generateContent", body: hello, headers: { "x-goog-api-key": spent.token } });
    expect(refused.status).toBe(429);
    const error = ((await refused.json()) as { error: { status: string; details: { "@type": string; retryDelay?: string }[] } }).error;
    expect(error.status).toBe("RESOURCE_EXHAUSTED");
    const retry = error.details.find((d) => d["@type"].endsWith("RetryInfo"));
    expect(Number.parseInt(retry!.retryDelay!, 10)).toBeGreaterThan(300);
    expect(fake.received).toHaveLength(0);
  });

  it("refuses a model another provider serves, and lists only what the token may use", async () => {
    const { world: w, token } = setUp(policyOf({ providers: ["gemini"], models: ["gemini-2.5-flash"] }));
    const claude = await call(w, { path: "/v1beta/models/claude-haiku-4-5:generateContent", body: hello, headers: { "x-goog-api-key": token } });
    expect(claude.status).toBe(400);
    const list = (await (await call(w, { path: "/v1beta/models", method: "GET", headers: { "x-goog-api-key": token } })).json()) as { models: { name: string }[] };
    expect(list.models.map((m) => m.name)).toEqual(["models/gemini-2.5-flash"]);
    const viaV1 = await call(w, { path: `/v1/models?key=${token}`, method: "GET" });
    expect(((await viaV1.json()) as { models: unknown[] }).models).toHaveLength(1);
    expect((await call(w, { path: "/v1beta/models/gemini-2.5-pro", method: "GET", headers: { "x-goog-api-key": token } })).status).toBe(404);
  });
});
