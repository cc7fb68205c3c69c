import { createChunkWriter, DONE_FRAME, errorFrame } from "./chunk-frames";
import { mapGeminiFinishReason, readCandidateParts, readGeminiUsage } from "./gemini-response";
import type { StreamError, StreamTranslator, StreamTranslatorInput, Usage } from "./types";
import { scrubUpstreamText } from "./upstream-error";

// streamGenerateContent?alt=sse → chat.completion.chunk frames. Every event is a whole
// GenerateContentResponse carrying the next parts of each candidate; the last one of a
// candidate has its finishReason, and usageMetadata grows as it goes (the last one counts).
// Gemini sends no [DONE]: a candidate without finishReason when the stream ends is a drop.
// Function calls arrive whole, so each becomes one tool_calls delta (id, name, arguments).

type Json = Record<string, unknown>;

interface CandidateState {
  toolCalls: number;
  finished: boolean;
}

export function createGeminiStreamTranslator({ model, id, created, includeUsage }: StreamTranslatorInput): StreamTranslator {
  const write = createChunkWriter({ id, created, model, includeUsage });
  const candidates = new Map<number, CandidateState>();
  let usage: Usage | null = null;
  let blocked = false;
  let failure: StreamError | null = null;

  const fail = (error: StreamError): string[] => {
    failure = error;
    return [errorFrame(error)];
  };

  const candidateFrames = (candidate: Json, position: number): string[] => {
    const index = typeof candidate.index === "number" ? candidate.index : position;
    let state = candidates.get(index);
    const frames: string[] = [];
    if (!state) {
      state = { toolCalls: 0, finished: false };
      candidates.set(index, state);
      frames.push(write.delta(index, { role: "assistant", content: "" }));
    }
    if (state.finished) return frames;
    const { text, toolCalls } = readCandidateParts(candidate);
    if (text) frames.push(write.delta(index, { content: text }));
    for (const call of toolCalls) {
      const toolIndex = state.toolCalls++;
      frames.push(write.delta(index, { tool_calls: [{ index: toolIndex, id: call.id, type: "function", function: call.function }] }));
    }
    if (candidate.finishReason !== undefined && candidate.finishReason !== null) {
      state.finished = true;
      frames.push(write.delta(index, {}, mapGeminiFinishReason({ reason: candidate.finishReason, hasToolCalls: state.toolCalls > 0 })));
    }
    return frames;
  };

  return {
    push({ data }) {
      if (failure || blocked) return [];
      let response: Json;
      try {
        response = JSON.parse(data) as Json;
      } catch {
        return fail({ message: "Gemini sent a malformed stream event.", type: "server_error" });
      }
      if (response.error && typeof response.error === "object") {
        const e = response.error as Json;
        const message = scrubUpstreamText({ text: typeof e.message === "string" ? e.message : "stream error" });
        return fail({ message: `Gemini error: ${message}`, type: e.code === 429 ? "rate_limit_error" : "server_error" });
      }
      if (response.usageMetadata) usage = readGeminiUsage(response.usageMetadata);
      const list = Array.isArray(response.candidates) ? (response.candidates as Json[]) : [];
      if (list.length === 0 && (response.promptFeedback as Json | undefined)?.blockReason) {
        blocked = true;
        return [write.delta(0, { role: "assistant", content: "" }), write.delta(0, {}, "content_filter")];
      }
      return list.flatMap((candidate, position) => candidateFrames(candidate, position));
    },
    end() {
      if (failure) return [];
      const unfinished = candidates.size === 0 || [...candidates.values()].some((c) => !c.finished);
      if (unfinished && !blocked) return fail({ message: "Gemini closed the stream before it finished.", type: "server_error" });
      const frames = includeUsage ? [write.usage(usage ?? readGeminiUsage({}))] : [];
      frames.push(DONE_FRAME);
      return frames;
    },
    usage: () => usage,
    error: () => failure,
  };
}
