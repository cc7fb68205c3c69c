import { readGeminiUsage } from "../../providers/gemini-response";
import type { SseEvent, Usage } from "../../providers/types";
import type { StreamRelay } from "../endpoint";
import { deliveredBytesOfGemini } from "./gemini-delivered";

// A streamed Gemini answer, relayed chunk by chunk. Upstream is always asked for SSE
// (`alt=sse`); the client gets SSE (`data: {GenerateContentResponse}`, lines ending in CRLF as
// Google sends them) or, when it asked without alt=sse, Google's other stream form: one JSON
// array written element by element. usageMetadata is cumulative (the last one is the total); a
// chunk with a finishReason (or a blocked prompt) ends the answer. A stream that stops before
// that, or carries {"error":…}, failed: the relay then writes Google's error object itself.
// No cost comment: Google's SDK reader (as Gemini CLI bundles it) stops at a line it cannot read.

type Json = Record<string, unknown>;

const streamBroke = { error: { code: 500, message: "The provider's stream ended before the answer was complete.", status: "INTERNAL" } };

class GeminiStreamRelay implements StreamRelay {
  readonly contentType: string;
  private usageSoFar: Usage | null = null;
  private finished = false;
  private broke = false;
  private written = 0;
  private readonly frameBytes = new Map<string, number>();

  constructor(private readonly sse: boolean) {
    this.contentType = sse ? "text/event-stream; charset=utf-8" : "application/json; charset=utf-8";
  }

  private frame(json: Json): string {
    const text = JSON.stringify(json);
    const frame = this.sse ? `data: ${text}\r\n\r\n` : `${this.written === 0 ? "[" : ",\r\n"}${text}`;
    this.written += 1;
    return frame;
  }

  push(event: SseEvent): string[] {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return [];
    }
    if (!data || typeof data !== "object" || Array.isArray(data)) return [];
    const json = data as Json;
    if (json.error !== undefined) {
      this.broke = true;
      this.finished = true;
      return [this.frame(json)];
    }
    if (json.usageMetadata !== undefined) this.usageSoFar = readGeminiUsage(json.usageMetadata);
    const candidates = Array.isArray(json.candidates) ? (json.candidates as Json[]) : [];
    if (candidates.some((c) => c.finishReason !== undefined) || (json.promptFeedback as Json | undefined)?.blockReason !== undefined) this.finished = true;
    const frame = this.frame(json);
    this.frameBytes.set(frame, deliveredBytesOfGemini(json));
    return [frame];
  }

  end(): string[] {
    const frames: string[] = [];
    if (!this.finished) {
      this.broke = true;
      frames.push(this.frame(streamBroke));
    }
    if (!this.sse) frames.push(this.written === 0 ? "[]" : "]");
    return frames;
  }

  usage(): Usage | null {
    return this.usageSoFar;
  }

  failed(): boolean {
    return this.broke;
  }

  deliveredBytes(frame: string): number {
    const n = this.frameBytes.get(frame) ?? 0;
    this.frameBytes.delete(frame);
    return n;
  }

  withCostComment(finalFrames: string[]): string[] {
    return finalFrames;
  }
}

export function createGeminiStreamRelay({ sse }: { sse: boolean }): StreamRelay {
  return new GeminiStreamRelay(sse);
}
