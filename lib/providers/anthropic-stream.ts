import { mapAnthropicStopReason, readAnthropicUsage } from "./anthropic-response";
import { createChunkWriter, DONE_FRAME, errorFrame } from "./chunk-frames";
import { countTokens } from "./openai-usage";
import type { FinishReason, StreamError, StreamTranslator, StreamTranslatorInput } from "./types";
import { scrubUpstreamText } from "./upstream-error";

// Messages API stream (https://docs.claude.com/en/docs/build-with-claude/streaming) →
// chat.completion.chunk frames: message_start → the role chunk; text blocks → content
// deltas; tool_use blocks → tool_calls deltas (index, id, name, then argument fragments from
// input_json_delta); message_delta → the finish chunk; message_stop → [DONE]. ping, thinking
// blocks and event types Anthropic may add later are skipped. `error` events and a stream
// without message_stop end in an OpenAI-style error frame.

type Json = Record<string, unknown>;

export function createAnthropicStreamTranslator({ model, id, created, includeUsage }: StreamTranslatorInput): StreamTranslator {
  const write = createChunkWriter({ id, created, model, includeUsage });
  const toolIndexOfBlock = new Map<number, number>();
  let started = false;
  let done = false;
  let finish: FinishReason | null = null;
  let finishSent = false;
  let rawUsage: Json = {};
  let failure: StreamError | null = null;

  const fail = (error: StreamError): string[] => {
    failure = error;
    return [errorFrame(error)];
  };

  const handle = (type: string, data: Json): string[] => {
    switch (type) {
      case "message_start": {
        started = true;
        rawUsage = { ...((data.message as Json | undefined)?.usage as Json | undefined) };
        return [write.delta(0, { role: "assistant", content: "" })];
      }
      case "content_block_start": {
        const index = Number(data.index);
        const block = (data.content_block ?? {}) as Json;
        if (block.type === "text") return typeof block.text === "string" && block.text ? [write.delta(0, { content: block.text })] : [];
        if (block.type === "tool_use") {
          const toolIndex = toolIndexOfBlock.size;
          toolIndexOfBlock.set(index, toolIndex);
          const call = { index: toolIndex, id: String(block.id), type: "function" as const, function: { name: String(block.name), arguments: "" } };
          return [write.delta(0, { tool_calls: [call] })];
        }
        return [];
      }
      case "content_block_delta": {
        const index = Number(data.index);
        const delta = (data.delta ?? {}) as Json;
        if (delta.type === "text_delta" && typeof delta.text === "string" && delta.text) {
          return [write.delta(0, { content: delta.text })];
        }
        const toolIndex = toolIndexOfBlock.get(index);
        if (delta.type === "input_json_delta" && toolIndex !== undefined && typeof delta.partial_json === "string" && delta.partial_json) {
          return [write.delta(0, { tool_calls: [{ index: toolIndex, function: { arguments: delta.partial_json } }] })];
        }
        return [];
      }
      case "message_delta": {
        // Later API versions repeat input and cache counts here; output_tokens is cumulative.
        for (const [key, value] of Object.entries((data.usage ?? {}) as Json)) if (countTokens(value) > 0) rawUsage[key] = value;
        const reason = (data.delta as Json | undefined)?.stop_reason;
        if (reason == null) return [];
        finish = mapAnthropicStopReason(reason);
        finishSent = true;
        return [write.delta(0, {}, finish)];
      }
      case "message_stop":
        done = true;
        return [];
      case "error": {
        const error = (data.error ?? {}) as Json;
        const message = scrubUpstreamText({ text: typeof error.message === "string" ? error.message : "stream error" });
        return fail({ message: `Anthropic error: ${message}`, type: error.type === "rate_limit_error" ? "rate_limit_error" : "server_error" });
      }
      default:
        return [];
    }
  };

  return {
    push({ event, data }) {
      if (done || failure) return [];
      let json: Json;
      try {
        json = JSON.parse(data) as Json;
      } catch {
        return fail({ message: "Anthropic sent a malformed stream event.", type: "server_error" });
      }
      return handle(typeof json.type === "string" ? json.type : (event ?? ""), json);
    },
    end() {
      if (failure) return [];
      if (!done) return fail({ message: "Anthropic closed the stream before it finished.", type: "server_error" });
      const frames = finishSent ? [] : [write.delta(0, {}, finish ?? "stop")];
      if (includeUsage) frames.push(write.usage(readAnthropicUsage(rawUsage)));
      frames.push(DONE_FRAME);
      return frames;
    },
    usage: () => (started ? readAnthropicUsage(rawUsage) : null),
    error: () => failure,
  };
}
