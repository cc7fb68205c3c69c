import { GoogleGenAI } from "@google/genai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startFakeGemini, THOUGHT_SUMMARY } from "./gemini";
import { fixtureJson, postJson } from "./test-helpers";
import type { FakeServer } from "./types";

// The fake Gemini API read by Google's own SDK (@google/genai): generateContent, the stream,
// countTokens, embedContent (which the SDK sends as batchEmbedContents), models.get, and
// Gemini CLI's recorded first request.

const KEY = "AIzaFakeGeminiKey0123456789";
let fake: FakeServer;
let ai: GoogleGenAI;

beforeAll(async () => {
  fake = await startFakeGemini();
  ai = new GoogleGenAI({ apiKey: KEY, httpOptions: { baseUrl: fake.url } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe("fake Gemini through @google/genai", () => {
  it("generates, streams (with a thought part when asked) and counts tokens", async () => {
    const answer = await ai.models.generateContent({ model: "gemini-2.5-flash", contents: "hello there", config: { systemInstruction: "Be brief." } });
    expect(answer.text).toBe("You said: hello there");
    expect(answer.usageMetadata).toMatchObject({ promptTokenCount: 4, candidatesTokenCount: 4, totalTokenCount: 8 });
    let text = "";
    const thoughts: string[] = [];
    for await (const chunk of await ai.models.generateContentStream({ model: "gemini-2.5-flash", contents: "one two", config: { thinkingConfig: { includeThoughts: true } } })) {
      for (const part of chunk.candidates?.[0]?.content?.parts ?? []) {
        if (part.thought) thoughts.push(part.text ?? "");
        else text += part.text ?? "";
      }
    }
    expect(text).toBe("You said: one two");
    expect(thoughts).toEqual([THOUGHT_SUMMARY]);
    const count = await ai.models.countTokens({ model: "gemini-2.5-flash", contents: "four words right here" });
    expect(count.totalTokens).toBe(4);
  });

  it("embeds (batchEmbedContents underneath) and describes one model", async () => {
    const embedded = await ai.models.embedContent({ model: "gemini-embedding-001", contents: ["hello world", "more words"], config: { outputDimensionality: 6 } });
    expect(embedded.embeddings).toHaveLength(2);
    expect(embedded.embeddings![0]!.values).toHaveLength(6);
    expect(fake.received.at(-1)!.path).toBe("/v1/models/gemini-embedding-001:batchEmbedContents"); // the SDK's default API version is v1
    const model = await ai.models.get({ model: "gemini-2.5-flash" });
    expect(model.name).toBe("models/gemini-2.5-flash");
  });

  it("accepts Gemini CLI's recorded first request and calls its first function", async () => {
    const res = await postJson(`${fake.url}/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse`, fixtureJson("gemini", "gemini-cli-request.json"), { "x-goog-api-key": KEY });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('"functionCall":{"name":"update_topic"');
  });
});
