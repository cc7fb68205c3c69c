import { describe, expect, it } from "vitest";
import { fixtureText } from "../../tests/fakes/test-helpers";
import { createOpenAIStreamTranslator } from "./openai-stream";
import { assembleChoice, readFrames, splitAtRandom, translateChunks } from "./test-support";

const translator = (includeUsage: boolean) => createOpenAIStreamTranslator({ model: "gpt-4o", id: "chatcmpl-x", created: 1, includeUsage });

describe("OpenAI stream pass-through", () => {
  it("passes the documented stream through, at any split, ending in [DONE]", () => {
    const text = fixtureText("openai", "chat-stream.sse");
    for (let seed = 1; seed <= 20; seed++) {
      const read = readFrames(translateChunks(translator(false), splitAtRandom(text, seed)));
      expect(read.done).toBe(true);
      expect(assembleChoice(read.chunks)).toEqual({ role: "assistant", content: "Hello", toolCalls: [], finishReason: "stop" });
    }
  });

  it("keeps the usage chunk when the client asked, and records usage", () => {
    const t = translator(true);
    const read = readFrames(translateChunks(t, splitAtRandom(fixtureText("openai", "tools-stream.sse"), 7)));
    const last = read.chunks[read.chunks.length - 1];
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 53, completion_tokens: 17 });
    expect(assembleChoice(read.chunks)).toMatchObject({
      toolCalls: [{ id: "call_O17Uplv4lJvD6DVdIvFFeRMw", name: "test-tool", arguments: '{"value":"Sparkle Day"}' }],
      finishReason: "tool_calls",
    });
    expect(t.usage()).toEqual({ inputTokens: 53, outputTokens: 17, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it("strips the usage chunk and usage: null when the client did not ask, but still records usage", () => {
    // What OpenAI sends when the gateway forced include_usage: usage: null everywhere, then the usage-only chunk.
    const chunks = fixtureText("openai", "chat-stream.sse").replace("data: [DONE]\n\n", "").replace(/"choices":/g, '"usage":null,"choices":');
    const usageChunk = '{"id":"chatcmpl-123","object":"chat.completion.chunk","created":1,"model":"gpt-4o-mini","choices":[],"usage":{"prompt_tokens":9,"completion_tokens":2,"total_tokens":11,"prompt_tokens_details":{"cached_tokens":4}}}';
    const text = `${chunks}data: ${usageChunk}\n\ndata: [DONE]\n\n`;
    expect(chunks).toContain('"usage":null');
    const t = translator(false);
    const frames = translateChunks(t, [text]);
    const read = readFrames(frames);
    expect(read.chunks.every((c) => c.choices.length > 0 && !("usage" in c))).toBe(true);
    expect(read.done).toBe(true);
    expect(t.usage()).toMatchObject({ inputTokens: 9, outputTokens: 2, cachedInputTokens: 4 });
  });

  it("ends a stream that stops before [DONE] with an error frame", () => {
    const text = fixtureText("openai", "chat-stream.sse").replace("data: [DONE]\n\n", "");
    const t = translator(true);
    const read = readFrames(translateChunks(t, [text]));
    expect(read.done).toBe(false);
    expect(read.error).toEqual({ message: "OpenAI closed the stream before it finished.", type: "server_error", param: null, code: null });
    expect(t.error()).toEqual({ message: "OpenAI closed the stream before it finished.", type: "server_error" });
  });

  it("passes an in-stream error on, scrubbed, and stops", () => {
    const t = translator(false);
    const frames = translateChunks(t, ['data: {"error":{"message":"boom sk-proj-abcdefghijklmnop123","type":"server_error"}}\n\n', "data: [DONE]\n\n"]);
    const read = readFrames(frames);
    expect(read.error?.message).toBe("OpenAI error: boom [redacted]");
    expect(read.done).toBe(false);
    expect(t.error()?.type).toBe("server_error");
  });

  it("treats a malformed event as an error", () => {
    const t = translator(false);
    expect(readFrames(translateChunks(t, ["data: {not json\n\n"])).error?.message).toMatch(/malformed/);
  });
});
