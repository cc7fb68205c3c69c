// Reading a streamed chat completion (SSE, `stream: true`) from a fetch Response in a page: the
// text as it comes, the usage chunk, and what the answer cost, which the relay sends as its
// closing `: x-1relay-cost-usd=…` comment (its headers leave before the cost is known). An error
// the relay sends inside the stream becomes a RelayApiError.
import { readRelayError, type RelayApiError } from "./relay-error.js";

export type SseEvent = { type: "data"; data: string } | { type: "comment"; text: string };

/** Splits SSE text into events as chunks arrive (lines may be cut anywhere, CRLF or LF). */
export function createSseParser(): { push(chunk: string): SseEvent[]; end(): SseEvent[] } {
  let buffer = "";
  let data: string[] = [];
  const line = (text: string, out: SseEvent[]) => {
    if (text === "") {
      if (data.length > 0) out.push({ type: "data", data: data.join("\n") });
      data = [];
    } else if (text.startsWith(":")) out.push({ type: "comment", text: text.slice(1).trim() });
    else if (text.startsWith("data:")) data.push(text.slice(5).replace(/^ /, ""));
  };
  return {
    push(chunk) {
      buffer += chunk;
      const out: SseEvent[] = [];
      let index: number;
      while ((index = buffer.search(/\r?\n/)) >= 0) {
        const text = buffer.slice(0, index);
        buffer = buffer.slice(index + (buffer[index] === "\r" ? 2 : 1));
        line(text, out);
      }
      return out;
    },
    end() {
      const out: SseEvent[] = [];
      if (buffer !== "") line(buffer, out);
      buffer = "";
      line("", out);
      return out;
    },
  };
}

export interface ChatStreamResult {
  text: string;
  /** From the closing `x-1relay-cost-usd` comment, as the relay wrote it ("0.000123"); undefined if it never came. */
  costUsd?: string;
  usage?: { prompt_tokens?: number; completion_tokens?: number; total_tokens?: number };
}

/** Folds one SSE event into the result; returns an error when the relay reported one in the stream. */
export function applyChatEvent(result: ChatStreamResult, event: SseEvent): { delta?: string; error?: RelayApiError; done?: boolean } {
  if (event.type === "comment") {
    const cost = /^x-1relay-cost-usd=([0-9.]+)$/.exec(event.text);
    if (cost) result.costUsd = cost[1];
    return {};
  }
  if (event.data === "[DONE]") return { done: true };
  let chunk: Record<string, unknown>;
  try {
    chunk = JSON.parse(event.data) as Record<string, unknown>;
  } catch {
    return {};
  }
  if (chunk.error) return { error: readRelayError({ status: 502, body: chunk }) };
  if (chunk.usage && typeof chunk.usage === "object") result.usage = chunk.usage as ChatStreamResult["usage"];
  const choices = Array.isArray(chunk.choices) ? (chunk.choices as Array<{ delta?: { content?: unknown } }>) : [];
  const delta = choices[0]?.delta?.content;
  if (typeof delta !== "string" || delta === "") return {};
  result.text += delta;
  return { delta };
}

/** Reads a streamed chat completion to its end, calling onText with each piece of text. */
export async function readChatStream(response: Response, { onText }: { onText?: (delta: string) => void } = {}): Promise<ChatStreamResult> {
  if (!response.body) throw new TypeError("the response has no body to stream");
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = createSseParser();
  const result: ChatStreamResult = { text: "" };
  const apply = (events: SseEvent[]) => {
    for (const event of events) {
      const { delta, error } = applyChatEvent(result, event);
      if (error) throw error;
      if (delta) onText?.(delta);
    }
  };
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      apply(parser.push(value));
    }
    apply(parser.end());
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error;
  } finally {
    reader.releaseLock();
  }
  return result;
}
