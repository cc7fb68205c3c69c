import { describe, expect, it } from "vitest";
import { fixtureText } from "../../tests/fakes/test-helpers";
import { createAnthropicStreamTranslator } from "./anthropic-stream";
import { assembleChoice, readFrames, splitAtRandom, translateChunks } from "./test-support";

const translator = (includeUsage: boolean) => createAnthropicStreamTranslator({ model: "claude-sonnet-4-5", id: "chatcmpl-a", created: 5, includeUsage });

describe("Anthropic stream → chat.completion.chunk", () => {
  it("translates the documented text stream at any split, role first, [DONE] last", () => {
    const text = fixtureText("anthropic", "stream-text.sse");
    for (let seed = 1; seed <= 25; seed++) {
      const t = translator(false);
      const read = readFrames(translateChunks(t, splitAtRandom(text, seed)));
      expect(read.done).toBe(true);
      expect(read.chunks[0]?.choices[0]?.delta).toEqual({ role: "assistant", content: "" });
      expect(read.chunks.every((c) => c.id === "chatcmpl-a" && c.model === "claude-sonnet-4-5" && c.created === 5 && !("usage" in c))).toBe(true);
      expect(assembleChoice(read.chunks)).toEqual({ role: "assistant", content: "Hello!", toolCalls: [], finishReason: "stop" });
      expect(t.usage()).toEqual({ inputTokens: 25, outputTokens: 15, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
      expect(t.error()).toBeNull();
    }
  });

  it("translates text then a tool_use block into content and tool_calls deltas", () => {
    const text = fixtureText("anthropic", "stream-tools.sse");
    for (let seed = 1; seed <= 25; seed++) {
      const read = readFrames(translateChunks(translator(false), splitAtRandom(text, seed, 30)));
      const choice = assembleChoice(read.chunks);
      expect(choice.content).toBe("Okay, let's check the weather for San Francisco, CA:");
      expect(choice.toolCalls).toEqual([{ id: "toolu_01T1x1fJ34qAmk2tNTrN7Up6", name: "get_weather", arguments: '{"location": "San Francisco, CA", "unit": "fahrenheit"}' }]);
      expect(JSON.parse(choice.toolCalls[0]?.arguments ?? "")).toEqual({ location: "San Francisco, CA", unit: "fahrenheit" });
      expect(choice.finishReason).toBe("tool_calls");
    }
  });

  it("ends with a usage-only chunk when asked, and usage: null on the others", () => {
    const t = translator(true);
    const read = readFrames(translateChunks(t, [fixtureText("anthropic", "stream-tools.sse")]));
    const last = read.chunks[read.chunks.length - 1];
    expect(last?.choices).toEqual([]);
    expect(last?.usage).toMatchObject({ prompt_tokens: 472, completion_tokens: 89, total_tokens: 561 });
    expect(read.chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it("counts cache reads and writes from message_start and later message_delta usage", () => {
    const events = [
      'event: message_start\ndata: {"type":"message_start","message":{"usage":{"input_tokens":10,"cache_read_input_tokens":100,"cache_creation_input_tokens":20,"output_tokens":1}}}\n\n',
      'event: message_delta\ndata: {"type":"message_delta","delta":{"stop_reason":"max_tokens"},"usage":{"output_tokens":7,"input_tokens":10,"cache_read_input_tokens":100}}\n\n',
      'event: message_stop\ndata: {"type":"message_stop"}\n\n',
    ];
    const t = translator(false);
    const read = readFrames(translateChunks(t, events));
    expect(assembleChoice(read.chunks).finishReason).toBe("length");
    expect(t.usage()).toEqual({ inputTokens: 130, outputTokens: 7, cachedInputTokens: 100, cacheWriteTokens: 20, reasoningTokens: 0 });
  });

  it("skips thinking blocks and unknown events", () => {
    const events = [
      'data: {"type":"message_start","message":{"usage":{"input_tokens":1,"output_tokens":1}}}\n\n',
      'data: {"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":""}}\n\n',
      'data: {"type":"content_block_delta","index":0,"delta":{"type":"thinking_delta","thinking":"secret plan"}}\n\n',
      'data: {"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"abc"}}\n\n',
      'data: {"type":"brand_new_event"}\n\n',
      'data: {"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}}\n\n',
      'data: {"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"Answer"}}\n\n',
      'data: {"type":"message_delta","delta":{"stop_reason":"end_turn"},"usage":{"output_tokens":3}}\n\n',
      'data: {"type":"message_stop"}\n\n',
    ];
    const read = readFrames(translateChunks(translator(false), events));
    expect(assembleChoice(read.chunks).content).toBe("Answer");
    expect(JSON.stringify(read.chunks)).not.toContain("secret plan");
  });

  it("turns the documented in-stream error into OpenAI's error frame", () => {
    const start = fixtureText("anthropic", "stream-text.sse").split("event: content_block_delta")[0] ?? "";
    const t = translator(true);
    const read = readFrames(translateChunks(t, [start, fixtureText("anthropic", "stream-error.sse")]));
    expect(read.done).toBe(false);
    expect(read.error).toEqual({ message: "Anthropic error: Overloaded", type: "server_error", param: null, code: null });
    expect(t.error()).toEqual({ message: "Anthropic error: Overloaded", type: "server_error" });
    expect(t.usage()).toMatchObject({ inputTokens: 25 });
  });

  it("reports a stream that stops before message_stop as an error", () => {
    const cut = fixtureText("anthropic", "stream-tools.sse").split("event: message_delta")[0] ?? "";
    const t = translator(false);
    const read = readFrames(translateChunks(t, splitAtRandom(cut, 3)));
    expect(read.done).toBe(false);
    expect(read.error?.message).toBe("Anthropic closed the stream before it finished.");
    expect(assembleChoice(read.chunks).finishReason).toBeNull();
    expect(t.error()).not.toBeNull();
  });

  it("reports an empty stream as an error with no usage", () => {
    const t = translator(false);
    expect(readFrames(translateChunks(t, [])).error).toBeDefined();
    expect(t.usage()).toBeNull();
  });
});
