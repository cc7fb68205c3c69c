import { toOpenAIUsage } from "./openai-usage";
import type { FinishReason, StreamError, Usage } from "./types";

// OpenAI's streaming wire format: `data: {chat.completion.chunk}\n\n` frames, the optional
// usage-only chunk (choices: [], and `usage: null` on every other chunk) and `data: [DONE]`
// (https://platform.openai.com/docs/api-reference/chat/streaming).

export const DONE_FRAME = "data: [DONE]\n\n";

export function sseFrame(value: unknown): string {
  return `data: ${JSON.stringify(value)}\n\n`;
}

/** The in-stream error OpenAI sends (and its SDKs raise) instead of [DONE]. */
export function errorFrame(error: StreamError): string {
  return sseFrame({ error: { message: error.message, type: error.type, param: null, code: null } });
}

export interface ChunkDelta {
  role?: "assistant";
  content?: string | null;
  refusal?: string | null;
  tool_calls?: { index: number; id?: string; type?: "function"; function: { name?: string; arguments: string } }[];
}

export interface ChunkWriter {
  /** One choice's delta (and finish reason) as a frame. */
  delta(index: number, delta: ChunkDelta, finishReason?: FinishReason | null): string;
  /** The usage-only chunk (choices: []). */
  usage(usage: Usage): string;
}

export function createChunkWriter({ id, created, model, includeUsage }: { id: string; created: number; model: string; includeUsage: boolean }): ChunkWriter {
  const chunk = (choices: unknown[], usage: unknown) =>
    sseFrame({ id, object: "chat.completion.chunk", created, model, choices, ...(includeUsage ? { usage } : {}) });
  return {
    delta: (index, delta, finishReason = null) => chunk([{ index, delta, logprobs: null, finish_reason: finishReason }], null),
    usage: (usage) => chunk([], toOpenAIUsage(usage)),
  };
}
