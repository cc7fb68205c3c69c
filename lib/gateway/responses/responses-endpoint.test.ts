import { readFileSync } from "node:fs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI } from "../../../tests/fakes/openai";
import { parseSseText } from "../../../tests/fakes/sse-read";
import type { FakeServer } from "../../../tests/fakes/types";
import { createFakeWorld, makeConnection, policyOf, type FakeWorld } from "../test-support";
import { handleResponses } from "./responses-endpoint";

// POST /v1/responses through the whole pipeline (fake account object, real crypto) to the fake
// OpenAI server over HTTP: what goes upstream, what comes back, and what is settled.

const codex = readFileSync(new URL("../../../tests/fakes/fixtures/openai/codex-cli-request.json", import.meta.url), "utf8");
let fake: FakeServer;

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function world(policy = policyOf({ budgetUsd: 50 })): { world: FakeWorld; token: string } {
  const connection = makeConnection({ policy });
  const w = createFakeWorld({ connection, fetch: (url, init) => fetch(url.replace("https://openai.test/v1", `${fake.url}/v1`), init) });
  return { world: w, token: connection.token };
}

function post({ token, body }: { token: string; body: unknown }): Request {
  return new Request("https://relay.test/v1/responses", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
}

const sent = () => fake.received.at(-1)!.json as Record<string, unknown>;

describe("POST /v1/responses", () => {
  it("forwards a plain request with store=false and the reserved output bound, answers the Response, settles its usage", async () => {
    const { world: w, token } = world();
    const response = await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", instructions: "Be brief.", input: "What is two plus two?", store: true } }), deps: w.deps });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; output: { content?: { text: string }[] }[] };
    expect(body.object).toBe("response");
    expect(body.output[0]!.content![0]!.text).toBe("You said: What is two plus two?");
    expect(sent()).toMatchObject({ model: "gpt-5-mini", store: false, max_output_tokens: 128_000 });
    expect(fake.received.at(-1)!.headers.authorization).toMatch(/^Bearer sk-proj-/);
    await w.drain();
    expect(w.calls.admit[0]!.request).toMatchObject({ provider: "openai", model: "gpt-5-mini", streamed: false });
    expect(w.calls.finish[0]!.entry).toMatchObject({ status: 200, inputTokens: 7, outputTokens: 7, costMicroUsd: 16 });
    expect(response.headers.get("x-1relay-cost-usd")).toBe("0.000016");
  });

  it("passes Codex CLI's first request on (its web_search dropped and said so), streamed, with the fake accepting every field", async () => {
    const { world: w, token } = world();
    const response = await handleResponses({ request: post({ token, body: codex.replace('"model": "gpt-5-codex"', '"model": "gpt-5"') }), deps: w.deps });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(response.headers.get("x-1relay-dropped-tools")).toBe("web_search");
    const events = parseSseText(await response.text());
    expect(events[0]!.event).toBe("response.created");
    const types = events.map((e) => e.event);
    expect(types).toContain("response.function_call_arguments.delta");
    expect(types.filter((t) => t !== undefined).at(-1)).toBe("response.completed");
    const upstream = sent();
    expect(upstream.store).toBe(false);
    expect(upstream.client_metadata).toBeUndefined();
    expect(JSON.stringify(upstream.tools)).not.toContain("web_search");
    await w.drain();
    const entry = w.calls.finish[0]!.entry;
    expect(entry.status).toBe(200);
    expect(entry.inputTokens).toBeGreaterThan(1000);
    expect(entry.costMicroUsd).toBeGreaterThan(0);
  });

  it("settles a streamed answer at the terminal event's usage, reasoning included", async () => {
    const { world: w, token } = world();
    fake.script({ reasoningTokens: 40 }, { times: 1 });
    const response = await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", input: "hello there", stream: true, reasoning: { effort: "low", summary: "auto" } } }), deps: w.deps });
    const text = await response.text();
    expect(text).toContain("event: response.reasoning_summary_text.delta");
    expect(text).toMatch(/: x-1relay-cost-usd=0\.\d{6}\n\n$/);
    await w.drain();
    expect(w.calls.finish[0]!.entry).toMatchObject({ status: 200, errorCode: null, inputTokens: 2, outputTokens: 44 });
  });

  it("relays an in-stream error and settles what was delivered; a cut stream gets OpenAI's error event from the gateway", async () => {
    const { world: w, token } = world();
    fake.script("stream-error-4", { times: 1 });
    const failed = await (await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", input: "one two three", stream: true } }), deps: w.deps })).text();
    expect(parseSseText(failed).filter((e) => e.event).at(-1)!.event).toBe("error");
    fake.script("drop-5", { times: 1 });
    const cut = parseSseText(await (await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", input: "one two three", stream: true } }), deps: w.deps })).text());
    const last = cut.filter((e) => e.event).at(-1)!;
    expect(last.event).toBe("error");
    expect(JSON.parse(last.data)).toMatchObject({ type: "error", code: "upstream_stream_error", sequence_number: 5 });
    await w.drain();
    expect(w.calls.finish.map((f) => f.entry.errorCode)).toEqual(["upstream_stream_error", "upstream_stream_error"]);
    for (const f of w.calls.finish) expect(f.entry.costMicroUsd).toBeGreaterThan(0);
  });

  it("answers refusals and upstream errors in OpenAI's error shape", async () => {
    const { world: w, token } = world();
    const stored = await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", input: "hi", previous_response_id: "resp_1" } }), deps: w.deps });
    expect(stored.status).toBe(400);
    expect(await stored.json()).toMatchObject({ error: { type: "invalid_request_error", param: "previous_response_id", code: "unsupported_parameter" } });
    const claude = await handleResponses({ request: post({ token, body: { model: "claude-haiku-4-5", input: "hi" } }), deps: w.deps });
    expect(claude.status).toBe(400);
    expect(((await claude.json()) as { error: { code: string } }).error.code).toBe("unsupported_model");
    fake.script({ kind: "rate-limit", retryAfterSeconds: 7 }, { times: 1 });
    const limited = await handleResponses({ request: post({ token, body: { model: "gpt-5-mini", input: "hi" } }), deps: w.deps });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect(Object.keys(((await limited.json()) as { error: object }).error).sort()).toEqual(["code", "message", "param", "type"]);
    expect(fake.received).toHaveLength(1);
  });
});
