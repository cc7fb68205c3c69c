import { describe, expect, it } from "vitest";
import { deliveredBytesOf } from "./delivered-bytes";

const frame = (delta: Record<string, unknown>) => `data: ${JSON.stringify({ object: "chat.completion.chunk", choices: [{ index: 0, delta }] })}\n\n`;

describe("deliveredBytesOf", () => {
  it("counts text, refusals, tool calls and reasoning text in UTF-8 bytes", () => {
    expect(deliveredBytesOf(frame({ content: "héllo" }))).toBe(6);
    expect(deliveredBytesOf(frame({ refusal: "no" }))).toBe(2);
    expect(deliveredBytesOf(frame({ tool_calls: [{ index: 0, function: { name: "add", arguments: '{"a":1}' } }] }))).toBe(10);
    // DeepSeek's reasoning_content and Groq's / OpenRouter's reasoning are output the client received.
    expect(deliveredBytesOf(frame({ reasoning_content: "think" }))).toBe(5);
    expect(deliveredBytesOf(frame({ reasoning: "ponder" }))).toBe(6);
  });

  it("counts nothing for comments, [DONE] and errors", () => {
    expect(deliveredBytesOf(": x-1relay-cost-usd=0.000001\n\n")).toBe(0);
    expect(deliveredBytesOf("data: [DONE]\n\n")).toBe(0);
    expect(deliveredBytesOf('data: {"error":{"message":"boom"}}\n\n')).toBe(0);
  });
});
