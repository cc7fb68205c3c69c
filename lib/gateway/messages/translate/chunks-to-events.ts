// Another provider's stream, as its adapter writes it in Chat Completions' chunks, turned into
// Anthropic's stream events for a /v1/messages client: message_start at the first chunk, a text
// block for content, a tool_use block per tool call (arguments as input_json_delta), and at the
// end message_delta (stop reason and the usage, input included) and message_stop; an error frame
// becomes an `error` event. Reasoning text is not passed on (it has no signature Anthropic's
// clients could send back). Usage and failures are the provider adapter's own.
import type { StreamTranslator, SseEvent, Usage } from "../../../providers/types";
import type { StreamRelay } from "../../endpoint";
import { anthropicErrorEvent } from "../anthropic-error-body";
import { deliveredBytesOfFrame, sseFrame } from "../messages-stream";
import { anthropicUsageOf, STOP_REASONS } from "./chat-to-message";

type Json = Record<string, unknown>;
type ChunkToolCall = { index: number; id?: string; function?: { name?: string; arguments?: string } };

class ChunksToEvents implements StreamRelay {
  private started = false;
  private finished = false;
  private open: { kind: "text" | "tool"; index: number } | null = null;
  private blocks = 0;
  private readonly toolBlocks = new Map<number, number>();
  private stopReason = "end_turn";

  constructor(
    private readonly chat: StreamTranslator,
    private readonly message: { id: string; model: string },
  ) {}

  push(event: SseEvent): string[] {
    return this.chat.push(event).flatMap((frame) => this.translate(frame));
  }

  end(): string[] {
    return this.chat.end().flatMap((frame) => this.translate(frame));
  }

  usage(): Usage | null {
    return this.chat.usage();
  }

  failed(): boolean {
    return this.chat.error() !== null;
  }

  deliveredBytes(frame: string): number {
    return deliveredBytesOfFrame(frame);
  }

  withCostComment(finalFrames: string[], comment: string): string[] {
    return [...finalFrames, comment];
  }

  private ev(type: string, data: Json): string {
    return sseFrame(type, JSON.stringify({ type, ...data }));
  }

  private start(): string[] {
    if (this.started) return [];
    this.started = true;
    const usage = { input_tokens: 0, output_tokens: 0 };
    return [this.ev("message_start", { message: { id: this.message.id, type: "message", role: "assistant", model: this.message.model, content: [], stop_reason: null, stop_sequence: null, usage } })];
  }

  private close(): string[] {
    if (!this.open) return [];
    const index = this.open.index;
    this.open = null;
    return [this.ev("content_block_stop", { index })];
  }

  private openBlock(kind: "text" | "tool", block: Json): string[] {
    const frames = this.close();
    this.open = { kind, index: this.blocks++ };
    return [...frames, this.ev("content_block_start", { index: this.open.index, content_block: block })];
  }

  private text(text: string): string[] {
    const frames = this.open?.kind === "text" ? [] : this.openBlock("text", { type: "text", text: "" });
    return [...frames, this.ev("content_block_delta", { index: this.open!.index, delta: { type: "text_delta", text } })];
  }

  private toolCall(call: ChunkToolCall): string[] {
    const frames: string[] = [];
    if (call.id && !this.toolBlocks.has(call.index)) {
      frames.push(...this.openBlock("tool", { type: "tool_use", id: call.id, name: call.function?.name ?? "", input: {} }));
      this.toolBlocks.set(call.index, this.open!.index);
    }
    const index = this.toolBlocks.get(call.index);
    const args = call.function?.arguments;
    if (index !== undefined && args) frames.push(this.ev("content_block_delta", { index, delta: { type: "input_json_delta", partial_json: args } }));
    return frames;
  }

  private finish(): string[] {
    if (this.finished) return [];
    this.finished = true;
    const usage = anthropicUsageOf(this.chat.usage());
    return [...this.start(), ...this.close(), this.ev("message_delta", { delta: { stop_reason: this.stopReason, stop_sequence: null }, usage }), this.ev("message_stop", {})];
  }

  private translate(frame: string): string[] {
    if (!frame.startsWith("data: ")) return [];
    const data = frame.slice(6).trim();
    if (data === "[DONE]") return this.finish();
    const chunk = JSON.parse(data) as Json;
    if (chunk.error) {
      const error = chunk.error as { message?: string; type?: string };
      this.finished = true;
      return [...this.start(), anthropicErrorEvent({ type: error.type === "rate_limit_error" ? "rate_limit_error" : "api_error", message: String(error.message ?? "stream error") })];
    }
    const frames = this.start();
    for (const choice of (chunk.choices as Json[] | undefined) ?? []) {
      const delta = (choice.delta ?? {}) as { content?: string | null; tool_calls?: ChunkToolCall[] };
      if (typeof delta.content === "string" && delta.content) frames.push(...this.text(delta.content));
      for (const call of delta.tool_calls ?? []) frames.push(...this.toolCall(call));
      const reason = choice.finish_reason as keyof typeof STOP_REASONS | null | undefined;
      if (reason) this.stopReason = STOP_REASONS[reason] ?? "end_turn";
    }
    return frames;
  }
}

export function createChunksToEventsRelay({ chat, id, model }: { chat: StreamTranslator; id: string; model: string }): StreamRelay {
  return new ChunksToEvents(chat, { id, model });
}
