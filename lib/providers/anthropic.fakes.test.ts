import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { findLeakedHeaders, startFakeAnthropic, type FakeServer } from "../../tests/fakes";
import { anthropicAdapter } from "./anthropic";
import { expectKeyOnlyIn, expectOnlyAdapterHeaders, pipeStream, sendUpstream } from "./test-exchange";
import { assembleChoice, openaiCompletionSchema, readFrames } from "./test-support";

const KEY = "sk-ant-api03-fakeAnthropicKey0123456789";
let fake: FakeServer;
const question = { model: "claude-sonnet-4-5", messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is two plus two?" }] };
const tools = [{ type: "function", function: { name: "count_words", parameters: { type: "object", properties: { n: { type: "integer" } }, required: ["n"] } } }];
const send = (body: Record<string, unknown>, upstreamModel = "claude-sonnet-4-5") =>
  sendUpstream({ adapter: anthropicAdapter, body, upstreamModel, apiKey: KEY, baseUrl: fake.url });
const parse = async (response: Response) => anthropicAdapter.parseResponse({ body: await response.json(), model: "claude-sonnet-4-5", id: "chatcmpl-gw", created: 1 });
const translator = (includeUsage: boolean) => anthropicAdapter.createStreamTranslator({ model: "claude-sonnet-4-5", id: "chatcmpl-gw", created: 1, includeUsage });

beforeAll(async () => {
  fake = await startFakeAnthropic({ expectedKey: KEY });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("Anthropic adapter against the fake Anthropic", () => {
  it("completes a plain request, the key in x-api-key only", async () => {
    const { built, response } = await send(question);
    expect(response.status).toBe(200);
    const { completion, usage } = await parse(response);
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(completion.choices[0]).toMatchObject({ message: { content: "You said: What is two plus two?" }, finish_reason: "stop" });
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 7, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expectKeyOnlyIn(fake.received[0], "x-api-key", KEY);
    expectOnlyAdapterHeaders(fake.received[0], built);
    expect(findLeakedHeaders(fake.received[0]!)).toEqual([]);
    expect(fake.received[0]?.headers["anthropic-version"]).toBe("2023-06-01");
    expect(fake.received[0]?.json).toMatchObject({ max_tokens: 8192, system: [{ type: "text", text: "Be brief." }] });
  });

  it("counts cache reads and writes into the prompt", async () => {
    fake.script({ cachedFraction: 0.5, cacheWriteFraction: 0.25 }, { times: 1 });
    const { usage, completion } = await parse((await send(question)).response);
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 7, cachedInputTokens: 3, cacheWriteTokens: 1, reasoningTokens: 0 });
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, prompt_tokens_details: { cached_tokens: 3 } });
  });

  it("honours stop sequences and max_tokens", async () => {
    const stopped = await parse((await send({ ...question, stop: ["plus"] })).response);
    expect(stopped.completion.choices[0]).toMatchObject({ message: { content: "You said: What is two " }, finish_reason: "stop" });
    const cut = await parse((await send({ ...question, max_tokens: 3 })).response);
    expect(cut.completion.choices[0]).toMatchObject({ message: { content: "You said: What" }, finish_reason: "length" });
  });

  it("streams with usage when asked", async () => {
    const { response } = await send({ ...question, stream: true, stream_options: { include_usage: true } });
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(true);
    expect(assembleChoice(read.chunks)).toMatchObject({ role: "assistant", content: "You said: What is two plus two?", finishReason: "stop" });
    expect(read.chunks[read.chunks.length - 1]).toMatchObject({ choices: [], usage: { prompt_tokens: 7, completion_tokens: 7, total_tokens: 14 } });
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
  });

  it("makes a tool call (also after a text preamble) and takes its result back", async () => {
    const body = { model: "claude-sonnet-4-5", messages: [{ role: "user", content: "one two three" }], tools, tool_choice: "required" };
    const plain = (await parse((await send(body)).response)).completion.choices[0];
    expect(plain?.finish_reason).toBe("tool_calls");
    expect(plain?.message.tool_calls?.[0]?.function).toEqual({ name: "count_words", arguments: '{"n":3}' });
    expect(fake.received[0]?.json).toMatchObject({ tool_choice: { type: "any" }, tools: [{ name: "count_words" }] });

    fake.script({ toolPreamble: "Let me count." }, { times: 1 });
    const { response } = await send({ ...body, stream: true });
    const choice = assembleChoice(readFrames(await pipeStream({ response, translator: translator(false) })).chunks);
    expect(choice).toMatchObject({ content: "Let me count.", finishReason: "tool_calls" });
    expect(choice.toolCalls).toMatchObject([{ name: "count_words", arguments: '{"n":3}' }]);

    const call = choice.toolCalls[0];
    const followUp = await send({
      ...body,
      tool_choice: "auto",
      messages: [
        ...body.messages,
        { role: "assistant", content: choice.content, tool_calls: [{ id: call?.id, type: "function", function: { name: call?.name, arguments: call?.arguments } }] },
        { role: "tool", tool_call_id: call?.id, content: "3" },
      ],
    });
    expect(followUp.response.status).toBe(200);
    expect((await parse(followUp.response)).completion.choices[0]?.message.content).toBe("Tool result received.");
  });

  it("sends json_schema as output_config, which the API accepts", async () => {
    const format = { type: "json_schema", json_schema: { name: "answer", schema: { type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false } } };
    const { response } = await send({ ...question, response_format: format });
    expect(response.status).toBe(200);
    expect(fake.received[0]?.json).toMatchObject({ output_config: { format: { type: "json_schema" } } });
  });

  it.each([
    ["claude-sonnet-4-5-fake-429", 429, "rate_limit_exceeded"],
    ["claude-sonnet-4-5-fake-500", 502, "upstream_error"],
    ["claude-sonnet-4-5-fake-529", 503, "upstream_overloaded"],
  ])("maps %s to %i", async (model, status, code) => {
    const { response } = await send(question, model);
    const error = anthropicAdapter.parseError({ status: response.status, bodyText: await response.text(), secrets: [KEY] });
    expect(error).toMatchObject({ status, code });
    expect(error.message).toMatch(/^Anthropic error \(HTTP \d{3}\): /);
  });

  it("scrubs a key the upstream echoes", async () => {
    const { response } = await send(question, "claude-sonnet-4-5-fake-key-echo");
    const bodyText = await response.text();
    expect(bodyText).toContain(KEY);
    for (const secrets of [[KEY], undefined]) {
      const error = anthropicAdapter.parseError({ status: response.status, bodyText, secrets });
      expect(error).toMatchObject({ status: 401, code: "provider_key_invalid" });
      expect(error.message).not.toContain(KEY);
    }
  });

  it("ends a dropped stream with an error frame, keeping the usage seen so far", async () => {
    const { response } = await send({ ...question, stream: true }, "claude-sonnet-4-5-fake-drop-4");
    const t = translator(true);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(false);
    expect(read.error?.message).toBe("Anthropic closed the stream before it finished.");
    expect(t.error()).not.toBeNull();
    expect(t.usage()).toMatchObject({ inputTokens: 7 });
  });

  it("passes the in-stream overloaded error on", async () => {
    const { response } = await send({ ...question, stream: true }, "claude-sonnet-4-5-fake-stream-error-3");
    const t = translator(false);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.error).toMatchObject({ message: "Anthropic error: Overloaded", type: "server_error" });
    expect(t.error()).not.toBeNull();
  });
});
