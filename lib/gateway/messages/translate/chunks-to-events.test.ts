import { describe, expect, it } from "vitest";
import { fixtureText } from "../../../../tests/fakes/test-helpers";
import { getProviderAdapter } from "../../../providers/adapters";
import { createSseParser } from "../../../providers/sse";
import { toAnthropicMessage } from "./chat-to-message";
import { createChunksToEventsRelay } from "./chunks-to-events";

// Another provider's stream and answer in Anthropic's shapes, through that provider's own adapter.

const eventsOf = (text: string) => {
  const parser = createSseParser();
  return [...parser.push(text), ...parser.end()];
};

function relay(provider: "openai" | "gemini", fixture: string) {
  const chat = getProviderAdapter(provider).createStreamTranslator({ model: "m", id: "msg_1", created: 1, includeUsage: true });
  const r = createChunksToEventsRelay({ chat, id: "msg_1", model: "m" });
  const frames = [...eventsOf(fixtureText(provider, fixture)).flatMap((e) => r.push(e)), ...r.end()];
  return { r, events: eventsOf(frames.join("")).map((e) => ({ event: e.event, data: JSON.parse(e.data) as Record<string, unknown> })) };
}

describe("another provider's stream as Anthropic's events", () => {
  it("text: message_start, one text block, message_delta with the stop reason and usage, message_stop", () => {
    const { r, events } = relay("openai", "chat-stream.sse");
    expect(events.map((e) => e.event)).toEqual(["message_start", "content_block_start", ...events.filter((e) => e.event === "content_block_delta").map(() => "content_block_delta"), "content_block_stop", "message_delta", "message_stop"]);
    for (const e of events) expect(e.data.type).toBe(e.event);
    const text = events.filter((e) => e.event === "content_block_delta").map((e) => (e.data.delta as { text: string }).text).join("");
    expect(text.length).toBeGreaterThan(0);
    const delta = events.find((e) => e.event === "message_delta")!.data;
    expect(delta.delta).toEqual({ stop_reason: "end_turn", stop_sequence: null });
    expect((delta.usage as { output_tokens: number }).output_tokens).toBe(r.usage()?.outputTokens ?? 0);
    expect(r.failed()).toBe(false);
  });

  it("tool calls: a tool_use block with its arguments as input_json_delta, stop_reason tool_use", () => {
    const { events } = relay("openai", "tools-stream.sse");
    const start = events.find((e) => e.event === "content_block_start" && (e.data.content_block as { type: string }).type === "tool_use")!;
    expect(start.data.content_block).toMatchObject({ type: "tool_use", input: {} });
    const json = events.filter((e) => e.event === "content_block_delta" && e.data.index === start.data.index).map((e) => (e.data.delta as { partial_json: string }).partial_json).join("");
    expect(JSON.parse(json)).toBeTypeOf("object");
    expect(events.find((e) => e.event === "message_delta")!.data.delta).toMatchObject({ stop_reason: "tool_use" });
  });

  it("Gemini's stream the same way", () => {
    const { events } = relay("gemini", "stream.sse");
    expect(events[0]!.event).toBe("message_start");
    expect(events.at(-1)!.event).toBe("message_stop");
  });

  it("a cut stream ends with an error event", () => {
    const chat = getProviderAdapter("openai").createStreamTranslator({ model: "m", id: "msg_1", created: 1, includeUsage: true });
    const r = createChunksToEventsRelay({ chat, id: "msg_1", model: "m" });
    const first = fixtureText("openai", "chat-stream.sse").split("\n\n")[0]! + "\n\n";
    const frames = [...eventsOf(first).flatMap((e) => r.push(e)), ...r.end()];
    expect(frames.at(-1)).toMatch(/^event: error\n/);
    expect(r.failed()).toBe(true);
  });
});

describe("another provider's answer as an Anthropic Message", () => {
  it("text and tool calls become blocks, the finish reason a stop reason, usage Anthropic's terms", () => {
    const { completion, usage } = getProviderAdapter("openai").parseResponse({ body: JSON.parse(fixtureText("openai", "tools-response.json")), model: "gpt-4o-mini", id: "x", created: 1 });
    const message = toAnthropicMessage({ completion, usage, model: "gpt-4o-mini", id: "msg_1" });
    expect(message).toMatchObject({ id: "msg_1", type: "message", role: "assistant", model: "gpt-4o-mini", stop_reason: "tool_use" });
    expect(message.content.find((b) => b.type === "tool_use")).toMatchObject({ type: "tool_use", name: expect.any(String), input: expect.any(Object) });
    expect(message.usage.output_tokens).toBe(usage!.outputTokens);
    expect(message.usage.input_tokens + message.usage.cache_read_input_tokens).toBe(usage!.inputTokens);
  });
});
