import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeBasePath, findLeakedHeaders, OTHER_COMPAT_PROVIDERS, startFakeCompatible, type FakeServer, type OtherCompatProvider } from "../../tests/fakes";
import { getProviderAdapter } from "./adapters";
import { PROVIDERS } from "./registry";
import { SAMPLE_KEYS } from "./registry/sample-keys";
import { expectKeyOnlyIn, expectOnlyAdapterHeaders, pipeStream, sendUpstream } from "./test-exchange";
import { assembleChoice, openaiCompletionSchema, readFrames } from "./test-support";

// Every OpenAI-compatible provider's adapter against the fake OpenAI server in that provider's
// mode (its path, key check and documented quirks), over HTTP.

const question = { messages: [{ role: "system", content: "Be brief." }, { role: "user", content: "What is two plus two?" }] };
const tools = [{ type: "function", function: { name: "add", parameters: { type: "object", properties: { text: { type: "string" } }, required: ["text"] } } }];
const fakes = {} as Record<OtherCompatProvider, FakeServer>;

beforeAll(async () => {
  for (const provider of OTHER_COMPAT_PROVIDERS) fakes[provider] = await startFakeCompatible(provider, { expectedKey: SAMPLE_KEYS[provider] });
});
afterAll(() => Promise.all(Object.values(fakes).map((f) => f.close())));
beforeEach(() => Object.values(fakes).forEach((f) => f.reset()));

describe.each(OTHER_COMPAT_PROVIDERS)("the %s adapter against its fake", (provider) => {
  const spec = PROVIDERS[provider];
  const adapter = getProviderAdapter(provider);
  const model = spec.keyTestModel;
  const key = SAMPLE_KEYS[provider];
  const fake = () => fakes[provider];
  const send = (body: Record<string, unknown>, upstreamModel = model, apiKey = key) =>
    sendUpstream({ adapter, body: { model: `${provider}/${upstreamModel}`, ...body }, upstreamModel, apiKey, baseUrl: `${fake().url}${fakeBasePath(provider)}` });
  const translator = (includeUsage: boolean) => adapter.createStreamTranslator({ model, id: "chatcmpl-gw", created: 1, includeUsage });

  it("answers a plain request, the key in Authorization only, usage read", async () => {
    const { built, response } = await send(question);
    expect(response.status).toBe(200);
    const { completion, usage } = adapter.parseResponse({ body: await response.json(), model, id: "x", created: 1 });
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(completion.choices[0]?.message.content).toBe("You said: What is two plus two?");
    expect(usage).toMatchObject({ inputTokens: 7, outputTokens: 7 });
    expectKeyOnlyIn(fake().received[0], "authorization", key);
    expectOnlyAdapterHeaders(fake().received[0], built);
    expect(findLeakedHeaders(fake().received[0]!)).toEqual([]);
  });

  it.each([true, false])("streams with usage recorded, shown to the client once only when asked (%s)", async (includeUsage) => {
    const { response } = await send({ ...question, stream: true, ...(includeUsage ? { stream_options: { include_usage: true } } : {}) });
    const t = translator(includeUsage);
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.error).toBeUndefined();
    expect(read.done).toBe(true);
    expect(assembleChoice(read.chunks)).toMatchObject({ role: "assistant", content: "You said: What is two plus two?", finishReason: "stop" });
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
    const withUsage = read.chunks.filter((c) => c.usage);
    if (includeUsage) {
      expect(withUsage).toHaveLength(1);
      expect(withUsage[0]?.choices).toEqual([]);
      expect(withUsage[0]?.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 7 });
    } else {
      expect(withUsage).toEqual([]);
    }
    const sent = fake().received[0]?.json as Record<string, unknown>;
    expect("stream_options" in sent).toBe(spec.wire.family === "openai" && spec.wire.streamUsage === "include_usage");
  });

  it("makes a tool call, unless the provider has no tools", async () => {
    const body = { messages: [{ role: "user", content: "one two" }], tools, tool_choice: "required" };
    if (spec.unsupportedFields.tools) {
      expect(() => adapter.buildRequest({ request: { model, ...body } as never, upstreamModel: model, apiKey: key, baseUrl: "http://x" })).toThrow();
      return;
    }
    const streamed = await send({ ...body, stream: true });
    const choice = assembleChoice(readFrames(await pipeStream({ response: streamed.response, translator: translator(false) })).chunks);
    expect(choice.toolCalls).toMatchObject([{ name: "add", arguments: '{"text":"one two"}' }]);
    expect(choice.finishReason).toBe("tool_calls");
  });

  it("sends the output limit in the field the provider takes", async () => {
    await send({ ...question, max_completion_tokens: 2 });
    const sent = fake().received[0]?.json as Record<string, unknown>;
    const field = spec.wire.family === "openai" ? spec.wire.outputLimitField : "max_tokens";
    expect(sent[field]).toBe(2);
    expect(Object.keys(sent).filter((k) => k.startsWith("max_"))).toEqual([field]);
    expect(fake().received[0]?.outcome).toBe("completed");
  });

  it("reports a rejected key as provider_key_invalid, scrubbed", async () => {
    const wrong = `${key.slice(0, -4)}ZZZZ`;
    const { response } = await send(question, model, wrong);
    const error = adapter.parseError({ status: response.status, bodyText: await response.text(), secrets: [wrong] });
    expect(error).toMatchObject({ status: 401, code: "provider_key_invalid" });
    expect(error.message).toContain(spec.shortName);
    expect(error.message).not.toContain(wrong);
  });

  it("passes a 429 on with its retry-after", async () => {
    const { response } = await send(question, `${model}-fake-429-3`);
    expect(response.status).toBe(429);
    expect(adapter.parseError({ status: 429, bodyText: await response.text() })).toMatchObject({ status: 429, code: "rate_limit_exceeded" });
  });

  it("ends a dropped stream with an error frame, and an in-stream error too", async () => {
    for (const behaviour of ["drop-3", "stream-error-2"]) {
      const { response } = await send({ ...question, stream: true }, `${model}-fake-${behaviour}`);
      const t = translator(false);
      const read = readFrames(await pipeStream({ response, translator: t }));
      expect(read.done, behaviour).toBe(false);
      expect(read.error?.message, behaviour).toContain(spec.shortName);
      expect(t.error(), behaviour).not.toBeNull();
    }
  });
});

describe("provider quirks", () => {
  const exchange = (provider: OtherCompatProvider, body: Record<string, unknown>, model = PROVIDERS[provider].keyTestModel) =>
    sendUpstream({ adapter: getProviderAdapter(provider), body: { model, ...body }, upstreamModel: model, apiKey: SAMPLE_KEYS[provider], baseUrl: `${fakes[provider].url}${fakeBasePath(provider)}` });

  it("Mistral: seed goes as random_seed, names are left out, only known fields are sent (its schema is strict)", async () => {
    const { response } = await exchange("mistral", { messages: [{ role: "user", name: "ann", content: "hi" }], seed: 7, user: "u1", store: true, metadata: { a: "b" } });
    expect(response.status).toBe(200);
    const sent = fakes.mistral.received[0]?.json as Record<string, unknown>;
    expect(sent.random_seed).toBe(7);
    expect(sent).not.toHaveProperty("seed");
    expect(JSON.stringify(sent.messages)).not.toContain("ann");
  });

  it("Mistral: a reasoning model's content chunks become the text", async () => {
    const adapter = getProviderAdapter("mistral");
    const { response } = await exchange("mistral", { messages: [{ role: "user", content: "hi there" }] }, "magistral-medium-latest");
    expect(adapter.parseResponse({ body: await response.json(), model: "m", id: "x", created: 1 }).completion.choices[0]?.message.content).toBe("You said: hi there");
    const streamed = await exchange("mistral", { messages: [{ role: "user", content: "hi there" }], stream: true }, "magistral-medium-latest");
    const read = readFrames(await pipeStream({ response: streamed.response, translator: adapter.createStreamTranslator({ model: "m", id: "x", created: 1, includeUsage: false }) }));
    expect(assembleChoice(read.chunks).content).toBe("You said: hi there");
  });

  it("Groq: fields it refuses are refused here (400 naming them) or not sent when neutral", async () => {
    const adapter = getProviderAdapter("groq");
    const request = (extra: Record<string, unknown>) => ({ model: "llama-3.1-8b-instant", messages: [{ role: "user", content: "hi" }], ...extra }) as never;
    expect(() => adapter.buildRequest({ request: request({ logprobs: true }), upstreamModel: "llama-3.1-8b-instant", apiKey: "k", baseUrl: "http://x" })).toThrow(/logprobs/);
    expect(() => adapter.buildRequest({ request: request({ n: 2 }), upstreamModel: "llama-3.1-8b-instant", apiKey: "k", baseUrl: "http://x" })).toThrow(/'n'/);
    const { response } = await exchange("groq", { messages: [{ role: "user", name: "ann", content: "hi" }], logprobs: false, n: 1 });
    expect(response.status).toBe(200);
  });

  it("xAI: reasoning tokens reported apart from completion_tokens are charged as output", async () => {
    fakes.xai.script({ reasoningTokens: 12 }, { times: 2 });
    const adapter = getProviderAdapter("xai");
    const { response } = await exchange("xai", question);
    const raw = (await response.json()) as { usage: { completion_tokens: number } };
    expect(raw.usage.completion_tokens).toBe(7);
    expect(adapter.parseResponse({ body: raw, model: "g", id: "x", created: 1 }).usage).toMatchObject({ outputTokens: 19, reasoningTokens: 12 });
    const streamed = await exchange("xai", { ...question, stream: true });
    const t = adapter.createStreamTranslator({ model: "g", id: "x", created: 1, includeUsage: false });
    await pipeStream({ response: streamed.response, translator: t });
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 19 });
  });

  it("DeepSeek: cache hits come as prompt_cache_hit_tokens", async () => {
    fakes.deepseek.script({ cachedFraction: 0.5 }, { times: 1 });
    const { response } = await exchange("deepseek", question);
    expect(getProviderAdapter("deepseek").parseResponse({ body: await response.json(), model: "d", id: "x", created: 1 }).usage).toMatchObject({ inputTokens: 7, cachedInputTokens: 3 });
  });

  it("Perplexity: a stream that ends without [DONE] once every choice finished is complete; citations pass through", async () => {
    const adapter = getProviderAdapter("perplexity");
    const { response } = await exchange("perplexity", { ...question, stream: true });
    const t = adapter.createStreamTranslator({ model: "sonar", id: "x", created: 1, includeUsage: true });
    const read = readFrames(await pipeStream({ response, translator: t }));
    expect(read.done).toBe(true);
    expect(t.usage()).toMatchObject({ inputTokens: 7, outputTokens: 7 });
    const plain = await exchange("perplexity", question);
    expect((adapter.parseResponse({ body: await plain.response.json(), model: "sonar", id: "x", created: 1 }).completion as unknown as { citations: string[] }).citations).toHaveLength(1);
  });

  it("a provider whose answer carries no usage is reported without usage (charged by the settlement rule)", () => {
    const body = { id: "x", object: "chat.completion", created: 1, model: "m", choices: [{ index: 0, message: { role: "assistant", content: "hi" }, finish_reason: "stop" }] };
    expect(getProviderAdapter("together").parseResponse({ body, model: "m", id: "x", created: 1 }).usage).toBeNull();
  });
});
