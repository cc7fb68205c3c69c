import { ApiError, GoogleGenAI } from "@google/genai";
import { expect, test, type Page } from "@playwright/test";
import OpenAI, { AuthenticationError, BadRequestError } from "openai";
import { fakeURLs } from "../../playwright.config";
import { findEmbeddingPrice } from "../../lib/gateway/embeddings/embedding-price";
import { computeCostMicroUsd, findPrice } from "../../lib/limits/pricing";
import { signInWithCode, uniqueEmail } from "./helpers/accounts";
import { thrown } from "./helpers/thrown";
import { fakeReceived, resetFakes } from "./helpers/fakes";
import { waitForRows } from "./helpers/local-d1";
import { createToken } from "./helpers/tokens-ui";
import { addKey, createVault, fakeKeys } from "./helpers/vault-ui";
import { connectionIdOf } from "./hostile/setup";

// Issue 15: the official SDKs, unchanged but for base URL and key, through the built worker to
// the fakes: openai's Responses (plain, streamed, a function call and its output) and
// embeddings; @google/genai's generateContent, stream, countTokens and embedContent. Each
// usage record is checked against the usage the SDK was told, priced by the table.

type Row = { provider: string; model: string; status: number; input_tokens: number; output_tokens: number; cost_micro_usd: number; streamed: number };

const rowsOf = (token: string, n: number) =>
  waitForRows<Row>("SELECT provider, model, status, input_tokens, output_tokens, cost_micro_usd, streamed FROM usage_records WHERE connection_id = ? ORDER BY created_at", [connectionIdOf(token)], (r) => r.length >= n);

const cost = (provider: "openai" | "gemini", model: string, input: number, output: number, reasoning = 0) =>
  computeCostMicroUsd({ price: findPrice({ provider, model })!, usage: { inputTokens: input, outputTokens: output, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: reasoning } });

const weather = { type: "function" as const, name: "get_weather", description: "Weather in a city", strict: false, parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } };

test.describe.serial("the official SDKs on the native endpoints", () => {
  let page: Page;
  let token: string;
  let openaiOnly: string;
  let openai: (apiKey?: string) => OpenAI;
  let genai: (apiKey?: string) => GoogleGenAI;

  test.beforeAll(async ({ browser, baseURL }) => {
    test.setTimeout(120_000);
    page = await browser.newPage({ baseURL });
    await signInWithCode(page, browser, uniqueEmail("native-sdks"), baseURL!);
    await createVault(page, "harbor quill 47 saffron delta");
    await addKey(page, "openai", "SDK OpenAI", fakeKeys.openai);
    await addKey(page, "gemini", "SDK Gemini", fakeKeys.gemini);
    token = await createToken(page, { name: "Native SDKs", keys: { openai: "SDK OpenAI", gemini: "SDK Gemini" }, budget: "20", rpm: "" });
    // The form keeps the last token's choices: Gemini is set back to "Not allowed".
    openaiOnly = await createToken(page, { name: "OpenAI only", keys: { openai: "SDK OpenAI", gemini: "Not allowed" }, budget: "", rpm: "" });
    openai = (apiKey = token) => new OpenAI({ baseURL: `${baseURL}/v1`, apiKey, maxRetries: 0, timeout: 20_000 });
    genai = (apiKey = token) => new GoogleGenAI({ apiKey, httpOptions: { baseUrl: baseURL!, retryOptions: { attempts: 1 } } });
    await resetFakes();
  });

  test.afterAll(async () => {
    await page?.close();
  });

  test("openai responses.create, then streamed with a function call and its output, each usage record exact", async () => {
    const plain = await openai().responses.create({ model: "gpt-5-mini", instructions: "Be brief.", input: "hello from the responses api" });
    expect(plain.output_text).toBe("You said: hello from the responses api");
    const stream = openai().responses.stream({ model: "gpt-5-mini", input: "Paris", tools: [weather], reasoning: { effort: "low", summary: "auto" } });
    let args = "";
    for await (const event of stream) if (event.type === "response.function_call_arguments.delta") args += event.delta;
    const streamed = await stream.finalResponse();
    const call = streamed.output.find((item) => item.type === "function_call");
    expect(call).toMatchObject({ name: "get_weather", arguments: '{"city":"Paris"}' });
    expect(args).toBe('{"city":"Paris"}');
    const callId = call!.type === "function_call" ? call!.call_id : "";
    const answer = await openai().responses.create({ model: "gpt-5-mini", input: [{ role: "user", content: "Paris" }, { type: "function_call", call_id: callId, name: "get_weather", arguments: args }, { type: "function_call_output", call_id: callId, output: "sunny" }], tools: [weather] });
    expect(answer.output_text).toBe("Tool result received.");
    const sent = (await fakeReceived("openai")).map((r) => JSON.parse(r.bodyText) as { store: boolean });
    expect(sent.map((b) => b.store)).toEqual([false, false, false]);
    const rows = await rowsOf(token, 3);
    for (const [i, response] of [plain, streamed, answer].entries()) {
      const usage = response.usage!;
      expect(rows[i]).toMatchObject({ provider: "openai", model: "gpt-5-mini", status: 200, input_tokens: usage.input_tokens, output_tokens: usage.output_tokens, streamed: i === 1 ? 1 : 0 });
      expect(rows[i]!.cost_micro_usd).toBe(cost("openai", "gpt-5-mini", usage.input_tokens, usage.output_tokens));
    }
  });

  test("openai embeddings.create for an OpenAI and a Gemini embedding model, priced at the embedding rate", async () => {
    await resetFakes();
    const own = await openai().embeddings.create({ model: "text-embedding-3-small", input: ["hello world", "three more words"] });
    expect(own.data.map((d) => d.embedding.length)).toEqual([8, 8]);
    const translated = await openai().embeddings.create({ model: "gemini-embedding-001", input: "hello world", dimensions: 4 });
    expect(translated.data[0]!.embedding).toHaveLength(4);
    expect(translated.usage.prompt_tokens).toBe(2);
    expect((await fakeReceived("gemini"))[0]!.path).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    const rows = (await rowsOf(token, 5)).slice(3);
    expect(rows.map((r) => [r.provider, r.model, r.input_tokens, r.output_tokens])).toEqual([["openai", "text-embedding-3-small", 5, 0], ["gemini", "gemini-embedding-001", 2, 0]]);
    const price = (provider: "openai" | "gemini", model: string, tokens: number) => computeCostMicroUsd({ price: findEmbeddingPrice({ provider, model })!, usage: { inputTokens: tokens, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } });
    expect(rows.map((r) => r.cost_micro_usd)).toEqual([price("openai", "text-embedding-3-small", 5), price("gemini", "gemini-embedding-001", 2)]);
  });

  test("@google/genai generateContent, generateContentStream, countTokens (not billed) and embedContent", async () => {
    await resetFakes();
    const answer = await genai().models.generateContent({ model: "gemini-2.5-flash", contents: "hello from genai", config: { systemInstruction: "Be brief." } });
    expect(answer.text).toBe("You said: hello from genai");
    let text = "";
    for await (const chunk of await genai().models.generateContentStream({ model: "gemini-2.5-flash", contents: "stream this please" })) text += chunk.text ?? "";
    expect(text).toBe("You said: stream this please");
    expect((await genai().models.countTokens({ model: "gemini-2.5-flash", contents: "four words right here" })).totalTokens).toBe(4);
    const embedded = await genai().models.embedContent({ model: "gemini-embedding-001", contents: "hello world" });
    expect(embedded.embeddings).toHaveLength(1);
    // The SDK calls /v1/models/…; the gateway calls Gemini's v1beta, with the key in its header only.
    const upstream = await fakeReceived("gemini");
    expect(upstream.map((r) => r.path)).toEqual([
      "/v1beta/models/gemini-2.5-flash:generateContent",
      "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
      "/v1beta/models/gemini-2.5-flash:countTokens",
      "/v1beta/models/gemini-embedding-001:batchEmbedContents",
    ]);
    for (const r of upstream) expect(r.headers["x-goog-api-key"]).toBe(fakeKeys.gemini);
    const rows = (await rowsOf(token, 9)).slice(5);
    expect(rows.map((r) => [r.model, r.input_tokens, r.output_tokens, r.streamed])).toEqual([
      ["gemini-2.5-flash", answer.usageMetadata!.promptTokenCount, answer.usageMetadata!.candidatesTokenCount, 0],
      ["gemini-2.5-flash", 3, 5, 1],
      ["gemini-2.5-flash", 0, 0, 0],
      ["gemini-embedding-001", 2, 0, 0],
    ]);
    expect(rows[0]!.cost_micro_usd).toBe(cost("gemini", "gemini-2.5-flash", rows[0]!.input_tokens, rows[0]!.output_tokens));
    expect(rows[2]!.cost_micro_usd).toBe(0);
  });

  test("a client that leaves a Responses or Gemini stream mid-way aborts the upstream call; the record says 499 and charges what was delivered", async ({ baseURL }) => {
    const calls: { provider: "openai" | "gemini"; path: string; headers: Record<string, string>; body: unknown }[] = [
      { provider: "openai", path: "/v1/responses", headers: { authorization: `Bearer ${token}` }, body: { model: "gpt-5-mini", stream: true, input: "one two three four five six seven eight nine ten eleven twelve" } },
      { provider: "gemini", path: "/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse", headers: { "x-goog-api-key": token }, body: { contents: [{ parts: [{ text: "one two three four five six seven eight nine ten eleven twelve" }] }] } },
    ];
    for (const [i, call] of calls.entries()) {
      await resetFakes();
      await fetch(`${fakeURLs[call.provider]}/__fake/script`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ behaviour: { delayMs: 400 }, times: 1 }) });
      const controller = new AbortController();
      const response = await fetch(`${baseURL}${call.path}`, { method: "POST", headers: { ...call.headers, "content-type": "application/json" }, body: JSON.stringify(call.body), signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read();
      await reader.read();
      controller.abort();
      await expect.poll(async () => (await fakeReceived(call.provider))[0]?.outcome, { timeout: 10_000 }).toBe("client-closed");
      const row = (await rowsOf(token, 10 + i))[9 + i]!;
      expect(row).toMatchObject({ provider: call.provider, status: 499, streamed: 1 });
      expect(row.cost_micro_usd).toBeGreaterThan(0);
    }
  });

  test("refusals reach each SDK as its own error: a bad token, a provider the token lacks, stored state", async () => {
    const bad = await thrown(() => openai("1r_nope").responses.create({ model: "gpt-5-mini", input: "hi" }));
    expect(bad).toBeInstanceOf(AuthenticationError);
    const stored = await thrown(() => openai().responses.create({ model: "gpt-5-mini", input: "hi", previous_response_id: "resp_1" }));
    expect(stored).toBeInstanceOf(BadRequestError);
    expect((stored as BadRequestError).message).toContain("store=false");
    const lacking = await thrown(() => genai(openaiOnly).models.generateContent({ model: "gemini-2.5-flash", contents: "hi" }));
    expect(lacking).toBeInstanceOf(ApiError);
    expect((lacking as ApiError).status).toBe(403);
    expect((lacking as ApiError).message).toContain("may not use gemini");
  });
});
