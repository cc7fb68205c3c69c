// A complete Messages answer, passed on in Anthropic's own shape (the client asked Anthropic's
// API): checked to be a Message, its usage read exactly (input, cache reads, 5-minute and 1-hour
// cache writes, output with thinking inside), and what it delivered measured for the bound rule.
import { utf8ByteLength } from "../../limits/request-bounds";
import { readAnthropicUsage } from "../../providers/anthropic-response";
import type { Usage } from "../../providers/types";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import type { JsonAnswer } from "../endpoint";

type Json = Record<string, unknown>;

/** Generated UTF-8 bytes in one content block: text, thinking, a tool call's input. */
export function generatedBytesOfBlock(block: unknown): number {
  const b = (block ?? {}) as Json;
  if (b.type === "text" && typeof b.text === "string") return utf8ByteLength(b.text);
  if (b.type === "thinking" && typeof b.thinking === "string") return utf8ByteLength(b.thinking);
  if (b.type === "tool_use") return utf8ByteLength(JSON.stringify(b.input ?? {}));
  return 0;
}

export function readMessagesAnswer(body: unknown): JsonAnswer {
  const message = body as Json | null;
  if (!message || typeof message !== "object" || message.type !== "message" || !Array.isArray(message.content)) {
    throw new UpstreamProtocolError("Anthropic answered without a Message.");
  }
  const usage: Usage | null = message.usage && typeof message.usage === "object" ? readAnthropicUsage(message.usage) : null;
  return { body: message, usage, deliveredBytes: () => (message.content as unknown[]).reduce<number>((n, block) => n + generatedBytesOfBlock(block), 0) };
}
