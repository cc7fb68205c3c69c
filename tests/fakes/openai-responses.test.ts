import OpenAI from "openai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeBasePath, startFakeCompatible, startFakeOpenAI } from "./openai";
import { REASONING_SUMMARY } from "./openai-responses";
import { collectSse, jsonData, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

// The fake's Responses API and embeddings, read by the official openai SDK (6.x): its
// ResponseStream rebuilds the response from the events and throws on any event out of place
// (an output index or content index it has not seen), so a wrong layout fails here.

const KEY = "sk-test-openai-0123456789abcdef";
let fake: FakeServer;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  client = new OpenAI({ apiKey: KEY, baseURL: `${fake.url}/v1`, maxRetries: 0 });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const weather = { type: "function" as const, name: "get_weather", description: "Weather in a city", strict: false, parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

describe("fake OpenAI Responses", () => {
  it("answers a plain request with a Response whose output_text is the echo, usage in Responses terms", async () => {
    const response = await client.responses.create({ model: "gpt-5-mini", instructions: "Be brief.", input: "What is two plus two?" });
    expect(response.object).toBe("response");
    expect(response.status).toBe("completed");
    expect(response.output_text).toBe("You said: What is two plus two?");
    expect(response.usage).toMatchObject({ input_tokens: 7, output_tokens: 7, total_tokens: 14, input_tokens_details: { cached_tokens: 0 }, output_tokens_details: { reasoning_tokens: 0 } });
  });

  it("streams in OpenAI's order, which the SDK's ResponseStream accepts, with a reasoning summary first", async () => {
    const stream = client.responses.stream({ model: "gpt-5-mini", input: "hello there", reasoning: { effort: "low", summary: "auto" }, include: ["reasoning.encrypted_content"] });
    const types: string[] = [];
    let summary = "";
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.reasoning_summary_text.delta") summary += event.delta;
    }
    const final = await stream.finalResponse();
    expect(types.slice(0, 3)).toEqual(["response.created", "response.in_progress", "response.output_item.added"]);
    expect(types.at(-1)).toBe("response.completed");
    expect(types).toContain("response.output_text.delta");
    expect(summary).toBe(REASONING_SUMMARY);
    expect(final.output[0]).toMatchObject({ type: "reasoning", summary: [{ type: "summary_text", text: REASONING_SUMMARY }], encrypted_content: expect.any(String) });
    expect(final.output_text).toBe("You said: hello there");
  });

  it("calls the offered function, streamed with argument deltas, and answers its output", async () => {
    const stream = client.responses.stream({ model: "gpt-5-mini", input: "Paris", tools: [weather] });
    let args = "";
    for await (const event of stream) if (event.type === "response.function_call_arguments.delta") args += event.delta;
    const final = await stream.finalResponse();
    const call = final.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ type: "function_call", name: "get_weather", arguments: '{"city":"Paris"}', call_id: expect.stringMatching(/^call_/) });
    expect(args).toBe('{"city":"Paris"}');
    const next = await client.responses.create({
      model: "gpt-5-mini",
      input: [{ role: "user", content: "Paris" }, { type: "function_call", call_id: call!.type === "function_call" ? call!.call_id : "", name: "get_weather", arguments: args }, { type: "function_call_output", call_id: call!.type === "function_call" ? call!.call_id : "", output: "sunny" }],
      tools: [weather],
    });
    expect(next.output_text).toBe("Tool result received.");
  });

  it("ends with response.incomplete at max_output_tokens, and reports an in-stream error event", async () => {
    const cut = await client.responses.create({ model: "gpt-5-mini", input: "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen", max_output_tokens: 16 });
    expect(cut.status).toBe("incomplete");
    expect(cut.incomplete_details).toEqual({ reason: "max_output_tokens" });
    const res = await postJson(`${fake.url}/v1/responses`, { model: "gpt-5-mini-fake-stream-error", input: "hi", stream: true }, { authorization: `Bearer ${KEY}` });
    const events = jsonData(await collectSse(res));
    expect(events.at(-1)).toMatchObject({ type: "error", code: "server_error" });
  });

  it("refuses fields OpenAI does not know, and a stored previous response when store is false", async () => {
    const unknown = await postJson(`${fake.url}/v1/responses`, { model: "gpt-5-mini", input: "hi", client_metadata: {} }, { authorization: `Bearer ${KEY}` });
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error.code).toBe("unknown_parameter");
    const stored = await postJson(`${fake.url}/v1/responses`, { model: "gpt-5-mini", input: "hi", store: false, previous_response_id: "resp_1" }, { authorization: `Bearer ${KEY}` });
    expect(stored.status).toBe(400);
  });

  it("serves Responses in the providers' modes that have it (xAI leaves reasoning out of output_tokens)", async () => {
    const xai = await startFakeCompatible("xai");
    try {
      const res = await postJson(`${xai.url}${fakeBasePath("xai")}/responses`, { model: "grok-4.3", input: "hi" }, { authorization: "Bearer xai-abc", "x-fake-behaviour": '{"reasoningTokens":5}' });
      const body = await res.json();
      expect(body.usage).toMatchObject({ input_tokens: 1, output_tokens: 3, total_tokens: 9, output_tokens_details: { reasoning_tokens: 5 } });
    } finally {
      await xai.close();
    }
  });
});

describe("fake OpenAI embeddings", () => {
  it("answers the SDK (base64 by default, decoded by it) and plain floats, usage in prompt tokens", async () => {
    const viaSdk = await client.embeddings.create({ model: "text-embedding-3-small", input: ["hello world", "three words here"] });
    expect(viaSdk.data).toHaveLength(2);
    expect(viaSdk.data[0]!.embedding).toHaveLength(8);
    expect(viaSdk.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
    const floats = await (await postJson(`${fake.url}/v1/embeddings`, { model: "text-embedding-3-small", input: "hello world", dimensions: 4, encoding_format: "float" }, { authorization: `Bearer ${KEY}` })).json();
    expect(floats.data[0].embedding).toHaveLength(4);
    expect(floats.data[0].embedding[0]).toBeCloseTo(viaSdk.data[0]!.embedding[0]!, 5);
  });

  it("is strict in Mistral's mode (dimensions is output_dimension there)", async () => {
    const mistral = await startFakeCompatible("mistral");
    try {
      const key = "A".repeat(32);
      const wrong = await postJson(`${mistral.url}/v1/embeddings`, { model: "mistral-embed", input: "hi", dimensions: 4 }, { authorization: `Bearer ${key}` });
      expect(wrong.status).toBe(422);
      const right = await postJson(`${mistral.url}/v1/embeddings`, { model: "mistral-embed", input: "hi", output_dimension: 4 }, { authorization: `Bearer ${key}` });
      expect((await right.json()).data[0].embedding).toHaveLength(4);
    } finally {
      await mistral.close();
    }
  });
});
