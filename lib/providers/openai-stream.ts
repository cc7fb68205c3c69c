import { DONE_FRAME, errorFrame, sseFrame } from "./chunk-frames";
import { readOpenAIUsage } from "./openai-usage";
import type { StreamError, StreamTranslator, StreamTranslatorInput, Usage } from "./types";
import { scrubUpstreamText } from "./upstream-error";

// OpenAI's own chunks pass through (re-serialised). The usage-only chunk the gateway asked
// for is recorded, and removed together with every `usage: null` when the client did not ask.

export function createOpenAIStreamTranslator({ includeUsage }: StreamTranslatorInput): StreamTranslator {
  let done = false;
  let usage: Usage | null = null;
  let failure: StreamError | null = null;

  const fail = (error: StreamError): string[] => {
    failure = error;
    return [errorFrame(error)];
  };

  return {
    push({ data }) {
      if (done || failure) return [];
      if (data.trim() === "[DONE]") {
        done = true;
        return [];
      }
      let chunk: Record<string, unknown>;
      try {
        chunk = JSON.parse(data) as Record<string, unknown>;
      } catch {
        return fail({ message: "OpenAI sent a malformed stream event.", type: "server_error" });
      }
      if (chunk.error && typeof chunk.error === "object") {
        const e = chunk.error as { message?: unknown; type?: unknown };
        const message = scrubUpstreamText({ text: typeof e.message === "string" ? e.message : "stream error" });
        return fail({ message: `OpenAI error: ${message}`, type: typeof e.type === "string" ? e.type : "server_error" });
      }
      const chunkUsage = readOpenAIUsage(chunk.usage);
      if (chunkUsage) usage = chunkUsage;
      if (includeUsage) return [sseFrame(chunk)];
      if (chunkUsage && Array.isArray(chunk.choices) && chunk.choices.length === 0) return [];
      delete chunk.usage;
      return [sseFrame(chunk)];
    },
    end() {
      if (failure) return [];
      if (!done) return fail({ message: "OpenAI closed the stream before it finished.", type: "server_error" });
      return [DONE_FRAME];
    },
    usage: () => usage,
    error: () => failure,
  };
}
