import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findLeakedHeaders, startFakeGemini, type FakeServer } from "../../tests/fakes";
import { geminiAdapter } from "./gemini";
import { expectKeyOnlyIn, expectOnlyAdapterHeaders, pipeStream, sendUpstream } from "./test-exchange";
import { assembleChoice, openaiCompletionSchema, readFrames } from "./test-support";

const KEY = "AIzaSyFakeGeminiKey0123456789abcdefgh";
let fake: FakeServer;
const question = { model: "gemini-2.5-flash", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is two plus two?" }] };
const tools = [{ type: "function", function: { name: "echo", parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] } } }];
const send = (body: Record<string, unknown>, upstreamModel = "gemini-2.5-flash") =>
  sendUpstream({ adapter: geminiAdapter, body, upstreamModel, apiKey: KEY, baseUrl: fake.url });
const parse = async (response: Response) => geminiAdapter.parseResponse({ body: await response.json(), model: "gemini-2.5-flash", id: "chatcmpl-gw", created: 1 });
const translator = (includeUsage: boolean) => geminiAdapter.createStreamTranslator({ model: "gemini-2.5-flash", id: "chatcmpl-gw", created: 1, includeUsage });

beforeAll(async () => {
  fake = await startFakeGemini({ expectedKey: KEY });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("Gemini adapter against the fake Gemini", () => {
  it("completes a plain request, the key in x-goog-api-key only (never ?key=)", async () => {
    const { built, response } = await send(question);
    expect(response.status).toBe(200);
    const { completion, usage } = await parse(response);
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(completion.choices[0]).toMatchObject({ message: { content: "You said: What is two plus two?" }, finish_reason: "stop" });
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    const record = fake.received[0];
    expectKeyOnlyIn(record, "x-goog-api-key", KEY);
    expect(record?.query).toEqual({});
    expect(record?.path).toBe("/v1beta/models/gemini-2.5-flash:generateContent");
    expectOnlyAdapterHeaders(record, built);
    expect(findLeakedHeaders(record!)).toEqual([]);
  });

  it("reports cached and thinking tokens", async () => {
    fake.script({ cachedFraction: 0.5, reasoningTokens: 20 }, { times: 1 });
    const { usage } = await parse((await send(question)).response);
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 27, cachedInputTokens: 3, cacheWriteTokens: 0, reasoningTokens: 20 });
  });

  it("honours stop sequences and the token limit", async () => {
    const cut = await parse((await send({ ...question, max_completion_tokens: 2 })).response);
    expect(cut.completion.choices[0]).toMatchObject({ message: { content: "You said:" }, finish_reason: "length" });
    const stopped = await parse((await send({ ...question, stop: "two plus" })).response);
    expect(stopped.completion.choices[0]).toMatchObject({ message: { content: "You said: What is " }, finish_reason: "stop" });
  });

  it("streams (CRLF SSE) with usage when asked", async () => {
    const { response } = await send({ ...question, stream: true, stream_options: { include_usage: true } });
    expect(fake.received[0]?.query).toEqual({ alt: "sse" });
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(true);
    expect(assembleChoice(read.chunks)).toMatchObject({ role: "assistant", content: "You said: What is two plus two?", finishReason: "stop" });
    expect(read.chunks[read.chunks.length - 1]).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 7, total_tokens: 14 } });
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
  });

  it("makes a function call and takes its result back by name", async () => {
    const body = { model: "gemini-2.5-flash", messages: [{ role: "user", content: "hello there" }], tools, tool_choice: { type: "function", function: { name: "echo" } } };
    const plain = (await parse((await send(body)).response)).completion.choices[0];
    expect(plain?.finish_reason).toBe("tool_calls");
    expect(plain?.message.tool_calls?.[0]).toMatchObject({ type: "function", function: { name: "echo", arguments: '{"text":"hello there"}' } });
    expect(fake.received[0]?.json).toMatchObject({ toolConfig: { functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["echo"] } } });

    const { response } = await send({ ...body, stream: true });
    const choice = assembleChoice(readFrames(await pipeStream({ response, translator: translator(false) })).chunks);
    expect(choice).toMatchObject({ finishReason: "tool_calls", toolCalls: [{ name: "echo", arguments: '{"text":"hello there"}' }] });

    const call = choice.toolCalls[0];
    const followUp = await send({
      ...body,
      tool_choice: "auto",
      messages: [
        ...body.messages,
        { role: "assistant", content: null, tool_calls: [{ id: call?.id, type: "function", function: { name: call?.name, arguments: call?.arguments } }] },
        { role: "tool", tool_call_id: call?.id, content: "hello there" },
      ],
    });
    expect(followUp.response.status).toBe(200);
    expect((await parse(followUp.response)).completion.choices[0]?.message.content).toBe("Tool result received.");
    expect(JSON.stringify(fake.received[2]?.json)).toContain('"functionResponse":{"name":"echo"');
  });

  it.each([
    ["gemini-2.5-flash-fake-429", 429, "rate_limit_exceeded"],
    ["gemini-2.5-flash-fake-500", 502, "upstream_error"],
    ["gemini-2.5-flash-fake-504", 504, "upstream_timeout"],
  ])("maps %s to %i", async (model, status, code) => {
    const { response } = await send(question, model);
    const error = geminiAdapter.parseError({ status: response.status, bodyText: await response.text(), secrets: [KEY] });
    expect(error).toMatchObject({ status, code });
    expect(error.message).toMatch(/^Gemini error \(HTTP \d{3}\): /);
  });

  it("maps a refused key to 401 and scrubs the key the upstream echoes", async () => {
    const { response } = await send(question, "gemini-2.5-flash-fake-key-echo");
    expect(response.status).toBe(400);
    const bodyText = await response.text();
    expect(bodyText).toContain(KEY);
    const error = geminiAdapter.parseError({ status: response.status, bodyText, secrets: [KEY] });
    expect(error).toMatchObject({ status: 401, code: "provider_key_invalid" });
    expect(error.message).not.toContain(KEY);
  });

  it("ends a dropped stream with an error frame", async () => {
    const { response } = await send({ ...question, stream: true }, "gemini-2.5-flash-fake-drop-2");
    const t = translator(false);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(false);
    expect(assembleChoice(read.chunks).content).toBe("You said:");
    expect(read.error?.message).toBe("Gemini closed the stream before it finished.");
    expect(t.error()).not.toBeNull();
  });

  it("passes an in-stream error on", async () => {
    const { response } = await send({ ...question, stream: true }, "gemini-2.5-flash-fake-stream-error-1");
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.error?.message).toMatch(/^Gemini error: An internal error/);
    expect(t.error()).not.toBeNull();
  });
});
