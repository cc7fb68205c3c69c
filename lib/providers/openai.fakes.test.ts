import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findLeakedHeaders, startFakeOpenAI, type FakeServer } from "../../tests/fakes";
import { shapeDiff } from "../../tests/fakes/shape";
import { fixtureJson } from "../../tests/fakes/test-helpers";
import { openaiAdapter } from "./openai";
import { expectKeyOnlyIn, expectOnlyAdapterHeaders, pipeStream, sendUpstream } from "./test-exchange";
import { assembleChoice, openaiCompletionSchema, readFrames } from "./test-support";

const KEY = "sk-proj-fakeOpenAIkey0123456789abcdef";
let fake: FakeServer;
const question = { model: "gpt-4o", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is two plus two?" }] };
const tools = [{ type: "function", function: { name: "add", parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] } } }];
const send = (body: Record<string, unknown>, upstreamModel = "gpt-4o") => sendUpstream({ adapter: openaiAdapter, body, upstreamModel, apiKey: KEY, baseUrl: `${fake.url}/v1` });
const translator = (includeUsage: boolean) => openaiAdapter.createStreamTranslator({ model: "gpt-4o", id: "chatcmpl-gw", created: 1, includeUsage });

beforeAll(async () => {
  fake = await startFakeOpenAI({ expectedKey: KEY });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("OpenAI adapter against the fake OpenAI", () => {
  it("completes a plain request, the key in Authorization only", async () => {
    const { built, response } = await send(question);
    expect(response.status).toBe(200);
    const { completion, usage } = openaiAdapter.parseResponse({ body: await response.json(), model: "gpt-4o", id: "x", created: 1 });
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(shapeDiff(fixtureJson("openai", "chat-response.json"), completion, { extra: ["$.system_fingerprint"] })).toEqual([]);
    expect(completion.choices[0]?.message.content).toBe("You said: What is two plus two?");
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expectKeyOnlyIn(fake.received[0], "authorization", KEY);
    expectOnlyAdapterHeaders(fake.received[0], built);
    expect(findLeakedHeaders(fake.received[0]!)).toEqual([]);
  });

  it("streams with usage when asked", async () => {
    const { response } = await send({ ...question, stream: true, stream_options: { include_usage: true } });
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(true);
    expect(assembleChoice(read.chunks)).toMatchObject({ role: "assistant", content: "You said: What is two plus two?", finishReason: "stop" });
    expect(read.chunks[read.chunks.length - 1]?.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 7, total_tokens: 14 });
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
  });

  it("always asks upstream for usage, and hides it from a client that did not ask", async () => {
    const { response } = await send({ ...question, stream: true });
    expect((fake.received[0]?.json as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });
    const t = translator(false);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(true);
    expect(read.chunks.every((c) => c.choices.length > 0 && !("usage" in c))).toBe(true);
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
  });

  it("reports cached and reasoning tokens", async () => {
    fake.script({ cachedFraction: 0.5, reasoningTokens: 12 }, { times: 1 });
    const { response } = await send(question);
    const { usage } = openaiAdapter.parseResponse({ body: await response.json(), model: "gpt-4o", id: "x", created: 1 });
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 19, cachedInputTokens: 3, cacheWriteTokens: 0, reasoningTokens: 12 });
  });

  it("makes a tool call and takes its result back, streamed and not", async () => {
    const body = { model: "gpt-4o", messages: [{ role: "user", content: "one two" }], tools, tool_choice: "required" };
    const plain = await send(body);
    const call = openaiAdapter.parseResponse({ body: await plain.response.json(), model: "gpt-4o", id: "x", created: 1 }).completion.choices[0];
    expect(call?.finish_reason).toBe("tool_calls");
    expect(JSON.parse(call?.message.tool_calls?.[0]?.function.arguments ?? "")).toEqual({ text: "one two" });
    const streamed = await send({ ...body, stream: true });
    const choice = assembleChoice(readFrames(await pipeStream({ response: streamed.response, translator: translator(false) })).chunks);
    expect(choice.toolCalls).toMatchObject([{ name: "add", arguments: '{"text":"one two"}' }]);
    const followUp = await send({
      ...body,
      tool_choice: "auto",
      messages: [...body.messages, { role: "assistant", content: null, tool_calls: [{ id: choice.toolCalls[0]?.id, type: "function", function: { name: "add", arguments: choice.toolCalls[0]?.arguments } }] }, { role: "tool", tool_call_id: choice.toolCalls[0]?.id, content: "3" }],
    });
    const answer = openaiAdapter.parseResponse({ body: await followUp.response.json(), model: "gpt-4o", id: "x", created: 1 });
    expect(answer.completion.choices[0]?.message.content).toBe("Tool result received.");
  });

  it.each([
    ["gpt-4o-fake-429", 429, "rate_limit_exceeded"],
    ["gpt-4o-fake-500", 502, "upstream_error"],
    ["gpt-4o-fake-503", 503, "upstream_overloaded"],
  ])("maps %s to %i", async (model, status, code) => {
    const { response } = await send(question, model);
    const error = openaiAdapter.parseError({ status: response.status, bodyText: await response.text(), secrets: [KEY] });
    expect(error).toMatchObject({ status, code });
    expect(error.message).toMatch(/^OpenAI error \(HTTP \d{3}\): /);
  });

  it("scrubs a key the upstream echoes", async () => {
    const { response } = await send(question, "gpt-4o-fake-key-echo");
    const bodyText = await response.text();
    expect(bodyText).toContain(KEY);
    for (const secrets of [[KEY], undefined]) {
      const error = openaiAdapter.parseError({ status: response.status, bodyText, secrets });
      expect(error).toMatchObject({ status: 401, code: "provider_key_invalid" });
      expect(error.message).not.toContain(KEY);
      expect(error.message).not.toContain(KEY.slice(8, 30));
    }
  });

  it("ends a dropped stream with an error frame", async () => {
    const { response } = await send({ ...question, stream: true }, "gpt-4o-fake-drop-3");
    const t = translator(false);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(false);
    expect(read.error?.message).toBe("OpenAI closed the stream before it finished.");
    expect(t.error()).not.toBeNull();
  });

  it("passes an in-stream error on", async () => {
    const { response } = await send({ ...question, stream: true }, "gpt-4o-fake-stream-error-2");
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.error?.message).toMatch(/^OpenAI error: The server had an error/);
    expect(t.error()?.type).toBe("server_error");
  });
});
