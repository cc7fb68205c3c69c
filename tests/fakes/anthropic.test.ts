import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeAnthropic } from "./anthropic";
import { shapeDiff, shapeDiffAny, type ShapeRules } from "./shape";
import type { ReadSseEvent } from "./sse-read";
import { collectSse, fixtureEvents, fixtureJson, jsonData, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

const KEY = "sk-ant-test-0123456789";
const HEADERS = { "x-api-key": KEY, "anthropic-version": "2023-06-01" };
let fake: FakeServer;
const messages = (body: unknown, headers: Record<string, string> = HEADERS) => postJson(`${fake.url}/v1/messages`, body, headers);

/** The documented event flow: message_start, blocks (start, deltas, stop), message_delta+, message_stop; pings anywhere. */
function followsEventFlow(events: ReadSseEvent[]): boolean {
  const names = events.map((e) => e.event).filter((n) => n !== "ping").join(" ");
  return /^message_start( content_block_start( content_block_delta)* content_block_stop)*( message_delta)+ message_stop$/.test(names);
}

// The fake's usage carries the cache fields the reference's Message object documents, and its
// final message_delta repeats the input and cache counts as the SDK's MessageDeltaUsage
// documents; the examples in the streaming guide predate both.
const EVENT_RULES: ShapeRules = {
  extra: [
    "$.message.usage.cache_creation_input_tokens",
    "$.message.usage.cache_read_input_tokens",
    "$.message.usage.cache_creation",
    "$.message.usage.service_tier",
    "$.usage.input_tokens",
    "$.usage.cache_creation_input_tokens",
    "$.usage.cache_read_input_tokens",
    "$.usage.cache_creation",
  ],
};

beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Anthropic matches the documented shapes", () => {
  it("answers the reference request with the reference Message shape", async () => {
    const res = await messages(fixtureJson("anthropic", "messages-request.json"));
    expect(res.status).toBe(200);
    const body = await res.json();
    const rules = { optional: ["$.content[*].citations", "$.usage.server_tool_use"] };
    expect(shapeDiff(fixtureJson("anthropic", "messages-response.json"), body, rules)).toEqual([]);
    expect(body.content[0].text).toBe("You said: Hello, world");
  });

  it("streams the documented event flow with the documented event shapes", async () => {
    const documented = fixtureEvents("anthropic", "stream-text.sse");
    expect(followsEventFlow(documented)).toBe(true);
    const events = await collectSse(await messages(fixtureJson("anthropic", "stream-request.json")));
    expect(followsEventFlow(events)).toBe(true);
    expect(events.map((e) => e.event)).toEqual(jsonData(events).map((d) => d.type));
    for (const data of jsonData(events)) expect(shapeDiffAny(jsonData(documented), data, EVENT_RULES)).toEqual([]);
  });

  it("streams a tool call as tool_use + input_json_delta like the reference", async () => {
    const documented = fixtureEvents("anthropic", "stream-tools.sse");
    expect(followsEventFlow(documented)).toBe(true);
    const events = await collectSse(await messages(fixtureJson("anthropic", "tools-stream-request.json")));
    expect(followsEventFlow(events)).toBe(true);
    for (const data of jsonData(events)) expect(shapeDiffAny(jsonData(documented), data, EVENT_RULES)).toEqual([]);
    const partial = jsonData(events)
      .map((d) => (d.delta as { partial_json?: string } | undefined)?.partial_json ?? "")
      .join("");
    expect(JSON.parse(partial)).toEqual({ location: "What is the weather like in San Francisco?" });
    const delta = jsonData(events).find((d) => d.type === "message_delta");
    expect(delta?.delta).toEqual({ stop_reason: "tool_use", stop_sequence: null });
  });

  it("answers a non-streamed tool call with a tool_use block like the reference", async () => {
    const { stream: _stream, ...request } = fixtureJson<Record<string, unknown>>("anthropic", "tools-stream-request.json");
    const body = await (await messages(request)).json();
    // The example is trimmed (no type, stop_sequence, usage: all in the Message object); the
    // tool's input keys follow the tool's schema, so `unit` is the model's choice there.
    const rules = { optional: ["$.content[*].input.unit"], extra: ["$.type", "$.stop_sequence", "$.usage"] };
    expect(shapeDiff(fixtureJson("anthropic", "tools-response.json"), body, rules)).toEqual([]);
    expect(body.stop_reason).toBe("tool_use");
  });

  it("puts a text block first when toolPreamble is scripted, so the tool block has index 1", async () => {
    fake.script({ toolPreamble: "Let me check." });
    const events = jsonData(await collectSse(await messages(fixtureJson("anthropic", "tools-stream-request.json"))));
    const starts = events.filter((d) => d.type === "content_block_start").map((d) => [d.index, (d.content_block as { type: string }).type]);
    expect(starts).toEqual([[0, "text"], [1, "tool_use"]]);
  });

  it("uses the documented error shape, and error events in streams", async () => {
    const res = await messages(fixtureJson("anthropic", "messages-request.json"), { "anthropic-version": "2023-06-01" });
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(shapeDiff(fixtureJson("anthropic", "error.json"), body)).toEqual([]);
    expect(body.error).toEqual({ type: "authentication_error", message: "x-api-key header is required" });

    fake.script({ kind: "stream-error", errorAfterChunks: 3 });
    const events = await collectSse(await messages(fixtureJson("anthropic", "stream-request.json")));
    expect(events.map((e) => e.event)).toEqual(["message_start", "content_block_start", "ping", "error"]);
    expect(shapeDiff(jsonData(fixtureEvents("anthropic", "stream-error.sse"))[0], jsonData(events)[3])).toEqual([]);
  });
});

describe("fake Anthropic behaviour", () => {
  it("requires anthropic-version and max_tokens, and refuses a system role and unknown fields", async () => {
    const req = fixtureJson<Record<string, unknown>>("anthropic", "messages-request.json");
    const noVersion = await messages(req, { "x-api-key": KEY });
    expect(noVersion.status).toBe(400);
    expect((await noVersion.json()).error.message).toBe("anthropic-version: header is required");
    const { max_tokens: _max, ...noMax } = req;
    expect((await (await messages(noMax)).json()).error).toEqual({ type: "invalid_request_error", message: "max_tokens: Field required" });
    const system = await messages({ ...req, messages: [{ role: "system", content: "x" }, { role: "user", content: "y" }] });
    expect((await system.json()).error.message).toMatch(/Unexpected role "system"/);
    expect((await messages({ ...req, stream_options: {} })).status).toBe(400);
  });

  it("records the key from x-api-key, or from Authorization: Bearer as recent SDKs send it", async () => {
    await messages(fixtureJson("anthropic", "messages-request.json"));
    expect(fake.received[0]?.apiKey).toBe(KEY);
    expect(fake.received[0]?.headers["anthropic-version"]).toBe("2023-06-01");
    await messages(fixtureJson("anthropic", "messages-request.json"), { authorization: `Bearer ${KEY}`, "anthropic-version": "2026-10-21" });
    expect(fake.received[1]?.apiKey).toBe(KEY);
    expect(fake.received[1]?.headers["x-api-key"]).toBeUndefined();
  });

  it("reports input tokens net of the cache, as the Messages API does", async () => {
    fake.script({ cachedFraction: 0.5, cacheWriteFraction: 0.25 });
    const body = await (await messages({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      system: [{ type: "text", text: "one two three four five six" }],
      messages: [{ role: "user", content: [{ type: "text", text: "seven eight" }] }],
    })).json();
    // prompt = 8 words: 4 read from cache, 2 written, 2 after the cache breakpoint.
    expect(body.usage).toMatchObject({ input_tokens: 2, cache_read_input_tokens: 4, cache_creation_input_tokens: 2, output_tokens: 4 });
  });

  it("maps max_tokens and stop_sequences to stop_reason", async () => {
    const base = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "a b c END d" }] };
    expect((await (await messages({ ...base, max_tokens: 2 })).json()).stop_reason).toBe("max_tokens");
    const stopped = await (await messages({ ...base, max_tokens: 100, stop_sequences: ["END"] })).json();
    expect(stopped).toMatchObject({ stop_reason: "stop_sequence", stop_sequence: "END" });
    expect(stopped.content[0].text).toBe("You said: a b c ");
  });

  it("answers a tool_result turn with a fixed sentence", async () => {
    const body = await (await messages({
      model: "claude-sonnet-4-5",
      max_tokens: 100,
      messages: [
        { role: "user", content: "weather?" },
        { role: "assistant", content: [{ type: "tool_use", id: "toolu_1", name: "get_weather", input: {} }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: "sunny" }] },
      ],
    })).json();
    expect(body.content).toEqual([{ type: "text", text: "Tool result received." }]);
  });
});
