import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { handleChatCompletion } from "./chat-completion";
import { admitted, chatRequest, createFakeWorld, makeConnection, policyOf, PROVIDER_KEY } from "./test-support";

// The whole pipeline with fake dependencies: one call to the account object before the
// provider, the order of refusals, settlement exactly once, and nothing sent for a refusal.

const fixture = (name: string) => readFileSync(new URL(`../../tests/fakes/fixtures/openai/${name}`, import.meta.url), "utf8");
const okAnswer = () => new Response(fixture("chat-response.json"), { headers: { "content-type": "application/json" } });
const hello = { model: "gpt-4o-mini", messages: [{ role: "user", content: "hi" }] };

describe("the gateway pipeline", () => {
  it("makes one call to the account object, then the provider, and settles once after answering", async () => {
    const connection = makeConnection({ policy: policyOf({ budgetUsd: 5 }) });
    const world = createFakeWorld({ connection, decide: () => admitted({ reservedMicroUsd: 900, budgetRemainingMicroUsd: 4_000_000 }), fetch: okAnswer });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: hello }), deps: world.deps });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { choices: { message: { content: string } }[] }).choices[0]!.message.content).toBe("Hello! How can I assist you today?");
    expect(world.calls.admit).toHaveLength(1);
    expect(world.calls.admit[0]).toMatchObject({ connectionId: connection.connectionId, verifier: connection.verifier, request: { provider: "openai", model: "gpt-4o-mini", streamed: false } });
    expect(world.calls.admit[0]!.request!.costMicroUsd).toBeGreaterThan(0);
    expect(world.upstream).toHaveLength(1);
    expect(world.upstream[0]!.url).toBe("https://openai.test/v1/chat/completions");
    expect((world.upstream[0]!.init.headers as Record<string, string>).authorization).toBe(`Bearer ${PROVIDER_KEY}`);
    expect(response.headers.get("server-timing")).toMatch(/^parse;dur=[\d.]+, lookup;dur=[\d.]+, admit;dur=[\d.]+, auth;dur=[\d.]+, decrypt;dur=[\d.]+, upstream;dur=[\d.]+, upstream-body;dur=[\d.]+$/);
    await world.drain();
    expect(world.calls.finish).toHaveLength(1);
    expect(world.calls.finish[0]).toMatchObject({ reservationId: "res-1", budgetMicroUsd: 5_000_000, entry: { status: 200, inputTokens: 19, outputTokens: 10 }, keyVerdict: { status: "ok" } });
    expect(Number(response.headers.get("x-1relay-cost-usd"))).toBeGreaterThan(0);
  });

  it("refuses a bad token with 401 before reading anything, and calls nobody", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection });
    for (const token of [null, "1r_short", `${connection.token.slice(0, -1)}${connection.token.endsWith("A") ? "B" : "A"}`]) {
      const response = await handleChatCompletion({ request: chatRequest({ token, body: "not json at all" }), deps: world.deps });
      expect(response.status).toBe(401);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("invalid_api_key");
    }
    expect(world.calls.lookups).toEqual([]);
    expect(world.calls.admit).toEqual([]);
  });

  it("answers 401 for a well-formed token of another connection, before the body's 400", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection });
    const stranger = makeConnection();
    const response = await handleChatCompletion({ request: chatRequest({ token: stranger.token, body: "{" }), deps: world.deps });
    expect(response.status).toBe(401);
    expect(world.calls.admit).toEqual([]);
  });

  it("reports a bad body only once the token holds, asks no admission for it, and records it", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: { model: "gpt-4o-mini" } }), deps: world.deps });
    expect(response.status).toBe(400);
    expect(world.calls.admit[0]!.request).toBeNull();
    await world.drain();
    expect(world.calls.finish).toHaveLength(1);
    expect(world.calls.finish[0]).toMatchObject({ reservationId: null, entry: { status: 400, costMicroUsd: 0 } });
    expect(world.upstream).toEqual([]);
  });

  it("refuses a paused connection with 403 before its body, recorded once (by the object when it was asked to admit)", async () => {
    const connection = makeConnection();
    const paused = createFakeWorld({ connection, status: "paused", decide: () => ({ ok: false, reason: "paused", rate: null, resetsAt: 0 }) });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: hello }), deps: paused.deps });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("connection_paused");
    await paused.drain();
    expect(paused.calls.finish).toEqual([]);
    const badBody = createFakeWorld({ connection, status: "paused" });
    expect((await handleChatCompletion({ request: chatRequest({ token: connection.token, body: "{" }), deps: badBody.deps })).status).toBe(403);
    await badBody.drain();
    expect(badBody.calls.finish).toHaveLength(1);
  });

  it("passes a limit refusal on with its headers, sends nothing, and leaves the record to the object", async () => {
    const connection = makeConnection();
    const rate = { allowed: false, limit: 3, remaining: 0, resetMs: 20_000, retryAfterMs: 20_000 };
    const world = createFakeWorld({ connection, decide: () => ({ ok: false, reason: "rate_limited", rate, resetsAt: 0 }) });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: hello }), deps: world.deps });
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("20");
    expect(response.headers.get("x-ratelimit-limit-requests")).toBe("3");
    await world.drain();
    expect(world.upstream).toEqual([]);
    expect(world.calls.finish).toEqual([]);
  });

  it("answers a provider's error in OpenAI's shape, scrubbed, settles it at 0 and flags the key as rejected", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection, fetch: () => new Response(fixture("error-invalid-key.json"), { status: 401, headers: { "content-type": "application/json", "retry-after": "3" } }) });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: hello }), deps: world.deps });
    expect(response.status).toBe(401);
    expect(response.headers.get("retry-after")).toBe("3");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("provider_key_invalid");
    expect(body.error.message).not.toContain(PROVIDER_KEY);
    await world.drain();
    expect(world.calls.finish).toHaveLength(1);
    expect(world.calls.finish[0]).toMatchObject({ reservationId: "res-1", entry: { status: 401, errorCode: "provider_key_invalid", costMicroUsd: 0 }, keyVerdict: { status: "rejected" } });
  });

  it("streams the provider's answer, with what was reserved in x-1relay-reserved-usd and the exact cost at the end", async () => {
    const connection = makeConnection();
    const world = createFakeWorld({ connection, decide: () => admitted({ reservedMicroUsd: 1234 }), fetch: () => new Response(fixture("chat-stream.sse"), { headers: { "content-type": "text/event-stream" } }) });
    const response = await handleChatCompletion({ request: chatRequest({ token: connection.token, body: { ...hello, stream: true, stream_options: { include_usage: true } } }), deps: world.deps });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("x-1relay-reserved-usd")).toBe("0.001234");
    expect(response.headers.get("x-1relay-cost-usd")).toBeNull();
    const text = await response.text();
    expect(text).toMatch(/: x-1relay-cost-usd=\d+\.\d{6}\n\ndata: \[DONE\]\n\n$/);
    await world.drain();
    expect(world.calls.finish).toHaveLength(1);
    expect(world.calls.finish[0]!.entry).toMatchObject({ status: 200, streamed: true });
  });
});
