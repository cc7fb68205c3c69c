import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeOpenAI } from "./openai";
import { shapeDiff, shapeDiffAny, type ShapeRules } from "./shape";
import { collectSse, fixtureEvents, fixtureJson, get, jsonData, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

const KEY = "sk-test-openai-0123456789abcdef";
let fake: FakeServer;
const chat = (body: unknown, headers: Record<string, string> = { authorization: `Bearer ${KEY}` }) =>
  postJson(`${fake.url}/v1/chat/completions`, body, headers);

// Fields the fake sends that the copied examples lack, each documented in the API reference:
// system_fingerprint (chat completion object), service_tier and usage (chunk object; usage is
// present, null, on every chunk when stream_options.include_usage is set), refusal (delta).
const CHUNK_RULES: ShapeRules = {
  extra: ["$.service_tier", "$.usage", "$.choices[*].delta.refusal"],
  optional: ["$.choices[*].delta.role", "$.choices[*].delta.content"],
};

beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake OpenAI matches the documented shapes", () => {
  it("answers the reference request with the reference chat.completion shape", async () => {
    const res = await chat(fixtureJson("openai", "chat-request.json"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(shapeDiff(fixtureJson("openai", "chat-response.json"), body, { extra: ["$.system_fingerprint"] })).toEqual([]);
  });

  it("streams chat.completion.chunk events like the reference, ending with data: [DONE]", async () => {
    const res = await chat(fixtureJson("openai", "chat-stream-request.json"));
    expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    const events = await collectSse(res);
    expect(events.at(-1)?.data).toBe("[DONE]");
    const examples = jsonData(fixtureEvents("openai", "chat-stream.sse"));
    for (const chunk of jsonData(events)) expect(shapeDiffAny(examples, chunk, CHUNK_RULES)).toEqual([]);
  });

  it("answers a tool request with tool_calls like the reference, streamed or not", async () => {
    const request = fixtureJson<Record<string, unknown>>("openai", "tools-request.json");
    const body = await (await chat(request)).json();
    const rules = { extra: ["$.system_fingerprint", "$.service_tier", "$.choices[*].message.refusal", "$.choices[*].message.annotations", "$.usage.prompt_tokens_details", "$.usage.completion_tokens_details.audio_tokens", "$.usage.completion_tokens_details.accepted_prediction_tokens", "$.usage.completion_tokens_details.rejected_prediction_tokens"] };
    expect(shapeDiff(fixtureJson("openai", "tools-response.json"), body, rules)).toEqual([]);
    const call = body.choices[0].message.tool_calls[0];
    expect(call.function.name).toBe("get_current_weather");
    expect(JSON.parse(call.function.arguments)).toEqual({ location: "What's the weather like in Boston today?" });

    const events = await collectSse(await chat({ ...request, stream: true, stream_options: { include_usage: true } }));
    const examples = jsonData(fixtureEvents("openai", "tools-stream.sse"));
    for (const chunk of jsonData(events)) expect(shapeDiffAny(examples, chunk, CHUNK_RULES)).toEqual([]);
    const deltas = jsonData(events).flatMap((c) => (c.choices as { delta: { tool_calls?: { function: { arguments: string } }[] } }[]).map((ch) => ch.delta.tool_calls?.[0]?.function.arguments ?? ""));
    expect(JSON.parse(deltas.join(""))).toEqual({ location: "What's the weather like in Boston today?" });
    const last = jsonData(events).at(-2) as { choices: { finish_reason: string }[] };
    expect(last.choices[0]?.finish_reason).toBe("tool_calls");
  });

  it("lists models in the reference list shape", async () => {
    const res = await get(`${fake.url}/v1/models`, { authorization: `Bearer ${KEY}` });
    expect(shapeDiff(fixtureJson("openai", "models-response.json"), await res.json())).toEqual([]);
  });

  it("rejects a missing or wrong key with 401 in the documented error shape", async () => {
    const missing = await chat(fixtureJson("openai", "chat-request.json"), {});
    expect(missing.status).toBe(401);
    expect(shapeDiff(fixtureJson("openai", "error-invalid-key.json"), await missing.json())).toEqual([]);
    const strict = await startFakeOpenAI({ expectedKey: KEY });
    try {
      const wrong = await postJson(`${strict.url}/v1/chat/completions`, fixtureJson("openai", "chat-request.json"), { authorization: "Bearer sk-wrong-key-1234567890" });
      expect(wrong.status).toBe(401);
      const body = await wrong.json();
      expect(body.error.code).toBe("invalid_api_key");
      expect(body.error.message).toMatch(/Incorrect API key provided: sk-wrong\*+7890\./);
      expect(body.error.message).not.toContain("sk-wrong-key-1234567890");
      expect(strict.received[0]?.apiKey).toBe("sk-wrong-key-1234567890");
    } finally {
      await strict.close();
    }
  });
});

describe("fake OpenAI behaviour", () => {
  it("records the key from Authorization: Bearer and the whole request", async () => {
    await chat({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] }, { authorization: `Bearer ${KEY}`, cookie: "session=1" });
    const r = fake.received[0];
    expect(r?.apiKey).toBe(KEY);
    expect(r?.path).toBe("/v1/chat/completions");
    expect(r?.headers.cookie).toBe("session=1");
    expect(r?.json).toEqual({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(r?.outcome).toBe("completed");
  });

  it("counts tokens by words and reports cached and reasoning tokens when asked", async () => {
    fake.script({ cachedFraction: 0.5, reasoningTokens: 7 });
    const body = await (await chat({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "Be brief and kind." },
        { role: "user", content: [{ type: "text", text: "What is two plus two?" }, { type: "image_url", image_url: { url: "data:," } }] },
      ],
    })).json();
    expect(body.choices[0].message.content).toBe("You said: What is two plus two?");
    expect(body.usage).toMatchObject({
      prompt_tokens: 9, // 4 + 5 words
      completion_tokens: 14, // 7 reply words + 7 reasoning
      total_tokens: 23,
      prompt_tokens_details: { cached_tokens: 4 },
      completion_tokens_details: { reasoning_tokens: 7 },
    });
  });

  it("sends the usage-only chunk (empty choices) only when include_usage is set", async () => {
    const req = { model: "gpt-4o", messages: [{ role: "user", content: "one two" }], stream: true };
    const withUsage = jsonData(await collectSse(await chat({ ...req, stream_options: { include_usage: true } })));
    const last = withUsage.at(-1) as { choices: unknown[]; usage: { prompt_tokens: number; completion_tokens: number } };
    expect(last.choices).toEqual([]);
    expect(last.usage).toMatchObject({ prompt_tokens: 2, completion_tokens: 4 });
    expect(withUsage.slice(0, -1).every((c) => c.usage === null)).toBe(true);
    const without = jsonData(await collectSse(await chat(req)));
    expect(without.every((c) => !("usage" in c))).toBe(true);
  });

  it("applies max_completion_tokens (finish_reason length), stop and n", async () => {
    const long = await (await chat({ model: "gpt-4o", messages: [{ role: "user", content: "a b c d e" }], max_completion_tokens: 3, n: 2 })).json();
    expect(long.choices).toHaveLength(2);
    expect(long.choices[1]).toMatchObject({ index: 1, finish_reason: "length", message: { content: "You said: a" } });
    expect(long.usage.completion_tokens).toBe(6);
    const stopped = await (await chat({ model: "gpt-4o", messages: [{ role: "user", content: "a STOP b" }], stop: ["STOP"] })).json();
    expect(stopped.choices[0]).toMatchObject({ finish_reason: "stop", message: { content: "You said: a " } });
  });

  it("answers a tool result with a fixed sentence and refuses tools when tool_choice is none", async () => {
    const tools = fixtureJson<{ tools: unknown[] }>("openai", "tools-request.json").tools;
    const afterTool = await (await chat({ model: "gpt-4o", tools, messages: [
      { role: "user", content: "weather?" },
      { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "get_current_weather", arguments: "{}" } }] },
      { role: "tool", tool_call_id: "call_1", content: "sunny" },
    ] })).json();
    expect(afterTool.choices[0].message.content).toBe("Tool result received.");
    const none = await (await chat({ model: "gpt-4o", tools, tool_choice: "none", messages: [{ role: "user", content: "hi" }] })).json();
    expect(none.choices[0].finish_reason).toBe("stop");
  });

  it("validates like the real API: unknown fields, stream_options without stream, roles", async () => {
    const base = { model: "gpt-4o", messages: [{ role: "user", content: "hi" }] };
    const unknown = await chat({ ...base, api_base: "http://evil" });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.message).toBe("Unrecognized request argument supplied: api_base");
    expect((await chat({ ...base, stream_options: { include_usage: true } })).status).toBe(400);
    const role = await (await chat({ model: "gpt-4o", messages: [{ role: "model", content: "x" }] })).json();
    expect(role.error).toMatchObject({ param: "messages[0].role", code: "invalid_value" });
    expect(fake.received.every((r) => r.behaviour === undefined)).toBe(true);
  });

  it("answers 404 in its own shape for an unknown path", async () => {
    const res = await postJson(`${fake.url}/v1/completions`, {}, { authorization: `Bearer ${KEY}` });
    expect(res.status).toBe(404);
    expect((await res.json()).error.message).toBe("Invalid URL (POST /v1/completions)");
  });
});
