import { describe, expect, it } from "vitest";
import { fixtureText } from "../../tests/fakes/test-helpers";
import { createGeminiStreamTranslator } from "./gemini-stream";
import { assembleChoice, readFrames, splitAtRandom, translateChunks } from "./test-support";
import { readToolCallSignature } from "./tool-call-id";

const translator = (includeUsage: boolean) => createGeminiStreamTranslator({ model: "gemini-2.5-flash", id: "chatcmpl-g", created: 3, includeUsage });
/** Google's front end ends SSE lines with CRLF. */
const crlf = (text: string) => text.replace(/\r?\n/g, "\r\n");

describe("Gemini stream → chat.completion.chunk", () => {
  it("translates the recorded stream at any split (CRLF), usage last when asked", () => {
    const text = crlf(fixtureText("gemini", "stream.sse"));
    for (let seed = 1; seed <= 25; seed++) {
      const t = translator(true);
      const read = readFrames(translateChunks(t, splitAtRandom(text, seed)));
      expect(read.done).toBe(true);
      expect(read.chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
      expect(assembleChoice(read.chunks)).toEqual({ role: "assistant", content: "The capital of Wyoming is **Cheyenne**.\n", toolCalls: [], finishReason: "stop" });
      const last = read.chunks[read.chunks.length - 1];
      expect(last?.choices).toEqual([]);
      expect(last?.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 10, total_tokens: 17 });
      expect(t.usage()).toEqual({ inputTokens: 7, outputTokens: 10, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    }
  });

  it("turns a streamed functionCall into one tool call delta, thoughts skipped, signature kept", () => {
    const text = crlf(fixtureText("gemini", "function-call-stream.sse"));
    for (let seed = 1; seed <= 10; seed++) {
      const t = translator(false);
      const read = readFrames(translateChunks(t, splitAtRandom(text, seed, 40)));
      const choice = assembleChoice(read.chunks);
      expect(choice.content).toBe("");
      expect(choice.toolCalls).toHaveLength(1);
      expect(choice.toolCalls[0]).toMatchObject({ name: "now", arguments: "{}" });
      expect(readToolCallSignature(choice.toolCalls[0]?.id ?? "")).toMatch(/^CiIBVKhc7vB/);
      expect(choice.finishReason).toBe("tool_calls");
      expect(read.chunks.every((c) => !("usage" in c))).toBe(true);
      expect(t.usage()).toMatchObject({ inputTokens: 38, outputTokens: 6 + 168, reasoningTokens: 168 });
    }
  });

  it("keeps candidates apart by index", () => {
    const chunk = (parts: object[]) => `data: ${JSON.stringify({ candidates: parts })}\r\n\r\n`;
    const frames = translateChunks(translator(false), [
      chunk([{ index: 0, content: { role: "model", parts: [{ text: "a" }] } }, { index: 1, content: { role: "model", parts: [{ text: "b" }] } }]),
      chunk([{ index: 1, content: { role: "model", parts: [{ text: "B" }] }, finishReason: "MAX_TOKENS" }]),
      chunk([{ index: 0, content: { role: "model", parts: [{ text: "A" }] }, finishReason: "STOP" }]),
    ]);
    const read = readFrames(frames);
    expect(assembleChoice(read.chunks, 0)).toMatchObject({ content: "aA", finishReason: "stop" });
    expect(assembleChoice(read.chunks, 1)).toMatchObject({ content: "bB", finishReason: "length" });
    expect(read.done).toBe(true);
  });

  it("ends a blocked prompt with content_filter", () => {
    const read = readFrames(translateChunks(translator(false), ['data: {"promptFeedback":{"blockReason":"PROHIBITED_CONTENT"},"usageMetadata":{"promptTokenCount":3}}\r\n\r\n']));
    expect(assembleChoice(read.chunks).finishReason).toBe("content_filter");
    expect(read.done).toBe(true);
  });

  it("reports a stream without a finishReason as an error", () => {
    const lines = crlf(fixtureText("gemini", "stream.sse")).split("\r\n\r\n");
    const t = translator(true);
    const read = readFrames(translateChunks(t, [`${lines.slice(0, 2).join("\r\n\r\n")}\r\n\r\n`]));
    expect(read.done).toBe(false);
    expect(read.error?.message).toBe("Gemini closed the stream before it finished.");
    expect(t.usage()).toMatchObject({ inputTokens: 7 });
    expect(t.error()).not.toBeNull();
  });

  it("reports an empty stream as an error", () => {
    const t = translator(false);
    expect(readFrames(translateChunks(t, [])).error?.message).toBe("Gemini closed the stream before it finished.");
    expect(t.usage()).toBeNull();
  });

  it("turns an in-stream error into OpenAI's error frame, scrubbed", () => {
    const t = translator(false);
    const read = readFrames(translateChunks(t, ['data: {"error":{"code":500,"message":"Internal AIzaSyA1234567890abcdefghijklmnopqrs","status":"INTERNAL"}}\r\n\r\n']));
    expect(read.error?.message).toBe("Gemini error: Internal [redacted]");
    expect(t.error()?.type).toBe("server_error");
  });
});
