// Test-only helpers for the provider adapters: feed SSE text through the parser and a
// translator at arbitrary byte boundaries, read the OpenAI frames back with the fakes'
// independent SSE reader, and check them against what an OpenAI client expects.
import { z } from "zod";
import { createTestPrng } from "../crypto/test-prng";
import { parseChatRequest, type ChatRequest } from "../chat-api/chat-request";
import { parseSseText } from "../../tests/fakes/sse-read";
import { createSseParser } from "./sse";
import type { StreamTranslator } from "./types";

/** A request through the real validator (so tests only build what a client could send). */
export function chatRequest(body: Record<string, unknown>): ChatRequest {
  const result = parseChatRequest(body);
  if (!result.ok) throw new Error(`test request invalid: ${result.param}: ${result.message}`);
  return result.request;
}

/** `text` as UTF-8 bytes cut at `cuts` pseudo-random places (multi-byte characters split too). */
export function splitAtRandom(text: string, seed: number, cuts = 12): Uint8Array[] {
  const bytes = new TextEncoder().encode(text);
  const prng = createTestPrng(seed);
  const points = [...new Set(Array.from({ length: cuts }, () => prng.int(bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(start, point));
    start = point;
  }
  return pieces;
}

/** Runs byte chunks through createSseParser and the translator, as the gateway will. */
export function translateChunks(translator: StreamTranslator, chunks: Iterable<Uint8Array | string>): string[] {
  const parser = createSseParser();
  const frames: string[] = [];
  for (const chunk of chunks) for (const event of parser.push(chunk)) frames.push(...translator.push(event));
  for (const event of parser.end()) frames.push(...translator.push(event));
  frames.push(...translator.end());
  return frames;
}

const toolCallDelta = z.strictObject({
  index: z.number().int().min(0),
  id: z.string().min(1).optional(),
  type: z.literal("function").optional(),
  function: z.strictObject({ name: z.string().min(1).optional(), arguments: z.string().optional() }),
});

const usageSchema = z.looseObject({
  prompt_tokens: z.number().int().min(0),
  completion_tokens: z.number().int().min(0),
  total_tokens: z.number().int().min(0),
});

/** A chat.completion.chunk as OpenAI documents it (https://platform.openai.com/docs/api-reference/chat/streaming). */
export const openaiChunkSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal("chat.completion.chunk"),
  created: z.number().int(),
  model: z.string().min(1),
  choices: z.array(
    z.looseObject({
      index: z.number().int().min(0),
      delta: z.looseObject({
        role: z.literal("assistant").optional(),
        content: z.string().nullable().optional(),
        refusal: z.string().nullable().optional(),
        tool_calls: z.array(toolCallDelta).optional(),
      }),
      logprobs: z.null().optional(),
      finish_reason: z.enum(["stop", "length", "tool_calls", "content_filter", "function_call"]).nullable(),
    }),
  ),
  usage: usageSchema.nullable().optional(),
});

export type OpenAIChunk = z.output<typeof openaiChunkSchema>;

/** A chat.completion as OpenAI documents it (https://platform.openai.com/docs/api-reference/chat/object). */
export const openaiCompletionSchema = z.looseObject({
  id: z.string().min(1),
  object: z.literal("chat.completion"),
  created: z.number().int(),
  model: z.string().min(1),
  choices: z
    .array(
      z.looseObject({
        index: z.number().int().min(0),
        message: z.looseObject({
          role: z.literal("assistant"),
          content: z.string().nullable(),
          tool_calls: z
            .array(z.strictObject({ id: z.string().min(1), type: z.literal("function"), function: z.strictObject({ name: z.string(), arguments: z.string() }) }))
            .optional(),
        }),
        finish_reason: z.enum(["stop", "length", "tool_calls", "content_filter", "function_call"]),
      }),
    )
    .min(1),
  usage: usageSchema.optional(),
});

export interface ReadStream {
  chunks: OpenAIChunk[];
  /** The frames ended with data: [DONE]. */
  done: boolean;
  /** The in-stream error frame's error, if any. */
  error?: { message: string; type: string };
}

/** Parses the frames a translator produced; every chunk must be a valid OpenAI chunk, [DONE] only last. */
export function readFrames(frames: string[]): ReadStream {
  for (const frame of frames) if (!/^data: .*\n\n$/s.test(frame)) throw new Error(`not an SSE data frame: ${JSON.stringify(frame)}`);
  const events = parseSseText(frames.join(""));
  const out: ReadStream = { chunks: [], done: false };
  events.forEach((event, i) => {
    if (event.data === "[DONE]") {
      if (i !== events.length - 1) throw new Error("[DONE] is not the last frame");
      out.done = true;
      return;
    }
    const json = JSON.parse(event.data) as Record<string, unknown>;
    if (json.error) {
      if (i !== events.length - 1) throw new Error("the error frame is not the last frame");
      out.error = json.error as ReadStream["error"];
      return;
    }
    out.chunks.push(openaiChunkSchema.parse(json));
  });
  return out;
}

export interface AssembledChoice {
  role?: string;
  content: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | null;
}

/** Puts one choice back together from its deltas, the way the openai SDK's stream helpers do. */
export function assembleChoice(chunks: OpenAIChunk[], index = 0): AssembledChoice {
  const out: AssembledChoice = { content: "", toolCalls: [], finishReason: null };
  for (const chunk of chunks) {
    for (const choice of chunk.choices.filter((c) => c.index === index)) {
      if (out.finishReason) throw new Error("a delta after the finish chunk");
      const delta = choice.delta;
      if (delta.role) out.role = delta.role;
      if (delta.content) out.content += delta.content;
      for (const call of delta.tool_calls ?? []) {
        const existing = out.toolCalls[call.index];
        if (!existing) {
          if (!call.id || !call.function.name) throw new Error("a tool call's first delta lacks its id or name");
          if (call.index !== out.toolCalls.length) throw new Error("tool call indexes are not consecutive");
          out.toolCalls[call.index] = { id: call.id, name: call.function.name, arguments: call.function.arguments ?? "" };
        } else {
          existing.arguments += call.function.arguments ?? "";
        }
      }
      if (choice.finish_reason) out.finishReason = choice.finish_reason;
    }
  }
  return out;
}
