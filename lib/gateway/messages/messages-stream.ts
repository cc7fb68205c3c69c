// A streamed Messages answer, relayed event by event in Anthropic's own format
// (https://docs.claude.com/en/docs/build-with-claude/streaming): message_start,
// content_block_start / delta / stop (text, thinking and signature, redacted thinking,
// tool_use with input_json_delta), message_delta, message_stop, ping, error, and any event
// type Anthropic adds later. Each event is written as Anthropic sent it; the relay reads the
// usage on the way (message_start's input and cache counts, message_delta's cumulative output)
// and notices an in-stream error or a stream cut before message_stop, which it ends with an
// error event of its own.
import { utf8ByteLength } from "../../limits/request-bounds";
import { readAnthropicUsage } from "../../providers/anthropic-response";
import { countTokens } from "../../providers/openai-usage";
import type { SseEvent, Usage } from "../../providers/types";
import { scrubUpstreamText } from "../../providers/upstream-error";
import type { StreamRelay } from "../endpoint";
import { anthropicErrorEvent } from "./anthropic-error-body";

type Json = Record<string, unknown>;

/** One SSE frame: the event name and its data, a data line per line of text. */
export function sseFrame(event: string, data: string): string {
  return `event: ${event}\n${data
    .split("\n")
    .map((line) => `data: ${line}`)
    .join("\n")}\n\n`;
}

const DELTA_TEXT: Record<string, string> = { text_delta: "text", thinking_delta: "thinking", input_json_delta: "partial_json" };

/** Generated UTF-8 bytes in a frame this relay wrote (text, thinking and tool input deltas). */
export function deliveredBytesOfFrame(frame: string): number {
  if (!frame.startsWith("event: content_block_delta\n")) return 0;
  try {
    const delta = ((JSON.parse(frame.slice(frame.indexOf("data: ") + 6)) as Json).delta ?? {}) as Json;
    const field = typeof delta.type === "string" ? DELTA_TEXT[delta.type] : undefined;
    const text = field ? delta[field] : undefined;
    return typeof text === "string" ? utf8ByteLength(text) : 0;
  } catch {
    return 0;
  }
}

class MessagesStreamRelay implements StreamRelay {
  private rawUsage: Json | null = null;
  private done = false;
  private failure = false;

  push({ event, data }: SseEvent): string[] {
    if (this.done || this.failure) return [];
    let json: Json;
    try {
      json = JSON.parse(data) as Json;
    } catch {
      return this.fail("Anthropic sent a malformed stream event.");
    }
    const type = typeof json.type === "string" ? json.type : (event ?? "message");
    if (type === "message_start") this.rawUsage = { ...(((json.message as Json | undefined)?.usage ?? {}) as Json) };
    if (type === "message_delta") {
      // Output is cumulative; later API versions repeat input and cache counts here too.
      this.rawUsage ??= {};
      for (const [key, value] of Object.entries((json.usage ?? {}) as Json)) if (value !== null && (typeof value === "object" || countTokens(value) > 0)) this.rawUsage[key] = value;
    }
    if (type === "message_stop") this.done = true;
    if (type === "error") {
      // Passed on in Anthropic's shape, its message scrubbed of anything that looks like a key.
      this.failure = true;
      const error = (json.error ?? {}) as Json;
      const message = scrubUpstreamText({ text: typeof error.message === "string" ? error.message : "stream error" });
      return [anthropicErrorEvent({ type: typeof error.type === "string" ? error.type : "api_error", message: `Anthropic error: ${message}` })];
    }
    return [sseFrame(type, data)];
  }

  end(): string[] {
    if (this.failure || this.done) return [];
    return this.fail("Anthropic closed the stream before it finished.");
  }

  usage(): Usage | null {
    return this.rawUsage ? readAnthropicUsage(this.rawUsage) : null;
  }

  failed(): boolean {
    return this.failure;
  }

  deliveredBytes(frame: string): number {
    return deliveredBytesOfFrame(frame);
  }

  /** After everything (clients ignore SSE comments). */
  withCostComment(finalFrames: string[], comment: string): string[] {
    return [...finalFrames, comment];
  }

  private fail(message: string): string[] {
    this.failure = true;
    return [anthropicErrorEvent({ type: "api_error", message })];
  }
}

export function createMessagesStreamRelay(): StreamRelay {
  return new MessagesStreamRelay();
}
