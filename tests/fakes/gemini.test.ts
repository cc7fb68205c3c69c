import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGemini } from "./gemini";
import { shapeDiff, shapeDiffAny, type ShapeRules } from "./shape";
import { collectSse, fixtureEvents, fixtureJson, jsonData, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

const KEY = "AIzaFakeGeminiKey0123456789";
let fake: FakeServer;
const generate = (model: string, body: unknown, headers: Record<string, string> = { "x-goog-api-key": KEY }) =>
  postJson(`${fake.url}/v1beta/models/${model}:generateContent`, body, headers);
const streamGenerate = (model: string, body: unknown, headers: Record<string, string> = { "x-goog-api-key": KEY }) =>
  postJson(`${fake.url}/v1beta/models/${model}:streamGenerateContent?alt=sse`, body, headers);

// Documented in GenerateContentResponse but absent from some examples: index (Candidate),
// responseId; avgLogprobs and candidatesTokensDetails are optional outputs the fake leaves out.
const RESPONSE_RULES: ShapeRules = {
  extra: ["$.candidates[*].index", "$.responseId"],
  optional: ["$.candidates[*].avgLogprobs", "$.usageMetadata.candidatesTokensDetails"],
};

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Gemini matches the documented shapes", () => {
  it("answers the reference request with the reference GenerateContentResponse shape", async () => {
    const res = await generate("gemini-2.0-flash", fixtureJson("gemini", "generate-request.json"));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(shapeDiff(fixtureJson("gemini", "generate-response.json"), body, RESPONSE_RULES)).toEqual([]);
    expect(body.candidates[0].content.parts[0].text).toBe("You said: Write a story about a magic backpack.");
  });

  it("streams data-only SSE chunks shaped like the recorded stream, lines ending in CRLF", async () => {
    const res = await streamGenerate("gemini-2.5-flash", fixtureJson("gemini", "generate-request.json"));
    expect(res.headers.get("content-type")).toBe("text/event-stream");
    const raw = await res.clone().text();
    expect(raw).toMatch(/^data: \{.*\}\r\n\r\n/);
    const events = await collectSse(res);
    expect(events.every((e) => e.event === undefined)).toBe(true);
    const examples = jsonData(fixtureEvents("gemini", "stream.sse"));
    for (const chunk of jsonData(events)) expect(shapeDiffAny(examples, chunk, RESPONSE_RULES)).toEqual([]);
    const last = jsonData(events).at(-1) as { candidates: { finishReason: string }[]; usageMetadata: Record<string, number> };
    expect(last.candidates[0]?.finishReason).toBe("STOP");
    expect(last.usageMetadata).toMatchObject({ promptTokenCount: 7, candidatesTokenCount: 9, totalTokenCount: 16 });
  });

  it("answers the cookbook's snake_case function-calling request with a functionCall part", async () => {
    const request = fixtureJson("gemini", "function-call-request.json");
    const body = await (await generate("gemini-2.5-pro", request)).json();
    const rules = { ...RESPONSE_RULES, optional: ["$.candidates[*].content.parts[*].thought", "$.candidates[*].content.parts[*].thoughtSignature", "$.usageMetadata.thoughtsTokenCount"] };
    expect(shapeDiff(fixtureJson("gemini", "function-call-response.json"), body, rules)).toEqual([]);
    expect(body.candidates[0].content.parts).toEqual([{ functionCall: { name: "enable_lights", args: {} } }]);

    const events = await collectSse(await streamGenerate("gemini-2.5-flash", request));
    const examples = jsonData(fixtureEvents("gemini", "function-call-stream.sse"));
    for (const chunk of jsonData(events)) expect(shapeDiffAny(examples, chunk, rules)).toEqual([]);
  });

  it("reports cached and thinking tokens like the documented usageMetadata", async () => {
    fake.script({ cachedFraction: 0.5, reasoningTokens: 5 });
    const body = await (await generate("gemini-2.5-flash", { contents: [{ role: "user", parts: [{ text: "a b c d" }] }] })).json();
    expect(shapeDiff(fixtureJson("gemini", "cached-response.json"), body, RESPONSE_RULES)).toEqual([]);
    expect(body.usageMetadata).toMatchObject({ promptTokenCount: 4, cachedContentTokenCount: 2, candidatesTokenCount: 6, thoughtsTokenCount: 5, totalTokenCount: 15 });
  });

  it("rejects a wrong key the way the real API does: 400 INVALID_ARGUMENT, API_KEY_INVALID", async () => {
    const strict = await startFakeGemini({ expectedKey: KEY });
    try {
      const res = await postJson(`${strict.url}/v1beta/models/gemini-2.0-flash:generateContent?key=AIzaWrong`, fixtureJson("gemini", "generate-request.json"));
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(shapeDiff(fixtureJson("gemini", "error-api-key.json"), body, { optional: ["$.error.details[*].detail"] })).toEqual([]);
      expect(body.error.details[0].reason).toBe("API_KEY_INVALID");
      expect(strict.received[0]?.apiKey).toBe("AIzaWrong");
    } finally {
      await strict.close();
    }
  });
});

describe("fake Gemini behaviour", () => {
  it("takes the key from x-goog-api-key or from the key query parameter, and 403s without one", async () => {
    const req = fixtureJson("gemini", "generate-request.json");
    await generate("gemini-2.0-flash", req);
    await postJson(`${fake.url}/v1beta/models/gemini-2.0-flash:generateContent?key=${KEY}`, req);
    const missing = await generate("gemini-2.0-flash", req, {});
    expect(missing.status).toBe(403);
    expect((await missing.json()).error.status).toBe("PERMISSION_DENIED");
    expect(fake.received.map((r) => r.apiKey)).toEqual([KEY, KEY, undefined]);
    expect(fake.received[1]?.query).toEqual({ key: KEY });
  });

  it("validates like the real API: unknown fields, missing contents, OpenAI-style roles", async () => {
    const unknown = await (await generate("gemini-2.0-flash", { contents: [{ parts: [{ text: "x" }] }], temperature: 1 })).json();
    expect(unknown.error).toMatchObject({ code: 400, status: "INVALID_ARGUMENT", message: 'Invalid JSON payload received. Unknown name "temperature": Cannot find field.' });
    expect((await generate("gemini-2.0-flash", {})).status).toBe(400);
    const role = await (await generate("gemini-2.0-flash", { contents: [{ role: "assistant", parts: [{ text: "x" }] }] })).json();
    expect(role.error.message).toBe("Please use a valid role: user, model.");
  });

  it("honours systemInstruction, maxOutputTokens (MAX_TOKENS) and NONE function calling", async () => {
    const body = await (await generate("gemini-2.0-flash", {
      systemInstruction: { parts: [{ text: "be short" }] },
      contents: [{ role: "user", parts: [{ text: "one two three" }] }],
      tools: [{ functionDeclarations: [{ name: "f", parameters: { type: "OBJECT", properties: { n: { type: "INTEGER" } } } }] }],
      toolConfig: { functionCallingConfig: { mode: "NONE" } },
      generationConfig: { maxOutputTokens: 2 },
    })).json();
    expect(body.candidates[0]).toMatchObject({ finishReason: "MAX_TOKENS", content: { parts: [{ text: "You said:" }] } });
    expect(body.usageMetadata.promptTokenCount).toBe(5);
    const forced = await (await generate("gemini-2.0-flash", {
      contents: [{ role: "user", parts: [{ text: "one two three" }] }],
      tools: [{ functionDeclarations: [{ name: "f", parameters: { type: "OBJECT", properties: { n: { type: "INTEGER" } } } }] }],
    })).json();
    expect(forced.candidates[0].content.parts[0]).toEqual({ functionCall: { name: "f", args: { n: 3 } } });
  });

  it("answers a functionResponse turn with a fixed sentence", async () => {
    const body = await (await generate("gemini-2.0-flash", {
      contents: [
        { role: "user", parts: [{ text: "lights" }] },
        { role: "model", parts: [{ functionCall: { name: "enable_lights", args: {} } }] },
        { role: "user", parts: [{ functionResponse: { name: "enable_lights", response: { ok: true } } }] },
      ],
    })).json();
    expect(body.candidates[0].content.parts).toEqual([{ text: "Tool result received." }]);
  });

  it("returns a JSON array from streamGenerateContent without alt=sse", async () => {
    const res = await postJson(`${fake.url}/v1beta/models/gemini-2.0-flash:streamGenerateContent`, fixtureJson("gemini", "generate-request.json"), { "x-goog-api-key": KEY });
    const body = await res.json();
    expect(Array.isArray(body)).toBe(true);
    expect(body.length).toBeGreaterThan(1);
  });
});
