import type { Usage, SseEvent } from "../../providers/types";
import type { StreamRelay } from "../endpoint";
import { deliveredBytesOfFrame } from "./responses-delivered";
import { readResponsesUsage } from "./responses-usage";

// A streamed Responses answer, relayed event by event in OpenAI's own layout
// (https://platform.openai.com/docs/api-reference/responses-streaming): every event is parsed
// and re-serialised as `event: <type>` + `data: <json>`. The usage comes with the terminal event
// (response.completed, response.incomplete or response.failed). A stream that ends without one,
// or carries an `error` event, failed: the relay then writes OpenAI's `error` event itself.

type Json = Record<string, unknown>;

const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed"]);

export function responsesFrame(event: Json): string {
  return `event: ${String(event.type)}\ndata: ${JSON.stringify(event)}\n\n`;
}

class ResponsesStreamRelay implements StreamRelay {
  private usageSoFar: Usage | null = null;
  private ended = false;
  private broke = false;
  private lastSequence = -1;

  push(event: SseEvent): string[] {
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      return []; // not an event of this API (a stray "[DONE]"): nothing to relay
    }
    if (!data || typeof data !== "object" || typeof (data as Json).type !== "string") return [];
    const json = data as Json;
    if (typeof json.sequence_number === "number") this.lastSequence = json.sequence_number;
    const type = json.type as string;
    if (TERMINAL.has(type)) {
      this.ended = true;
      this.usageSoFar = readResponsesUsage((json.response as Json | undefined)?.usage) ?? this.usageSoFar;
      if (type === "response.failed") this.broke = true;
    }
    if (type === "error") {
      this.ended = true;
      this.broke = true;
    }
    return [responsesFrame(json)];
  }

  end(): string[] {
    if (this.ended) return [];
    this.broke = true;
    this.ended = true;
    return [responsesFrame({ type: "error", code: "upstream_stream_error", message: "The provider's stream ended before the response was complete.", param: null, sequence_number: this.lastSequence + 1 })];
  }

  usage(): Usage | null {
    return this.usageSoFar;
  }

  failed(): boolean {
    return this.broke;
  }

  deliveredBytes(frame: string): number {
    return deliveredBytesOfFrame(frame);
  }

  /** After the last event: Responses clients skip SSE comments. */
  withCostComment(finalFrames: string[], comment: string): string[] {
    return [...finalFrames, comment];
  }
}

export function createResponsesStreamRelay(): StreamRelay {
  return new ResponsesStreamRelay();
}
