import { DONE_FRAME, errorFrame, sseFrame } from "./chunk-frames";
import { normalizeChunk } from "./openai-compatible-content";
import { usageOfChunk } from "./openai-compatible-usage";
import { toOpenAIUsage } from "./openai-usage";
import { PROVIDERS } from "./registry";
import type { OpenAIWire, ProviderSpec } from "./registry/provider-spec";
import type { StreamError, StreamTranslator, StreamTranslatorInput, Usage } from "./types";
import { scrubUpstreamText } from "./upstream-error";

// OpenAI-compatible chunks pass through (re-serialised). Usage is recorded wherever the
// provider puts it (the usage-only chunk OpenAI sends when asked, the last content chunk,
// Groq's x_groq); the client sees it only if it asked, and then exactly once, in OpenAI's
// usage-only chunk (choices: []) before [DONE]. OpenAI's own stream must end in [DONE]; other
// providers' streams also count as finished once every choice has its finish_reason (some
// close without [DONE]).

type Json = Record<string, unknown>;

export function createOpenAIStreamTranslator({ includeUsage, spec = PROVIDERS.openai, model, id, created }: StreamTranslatorInput & { spec?: ProviderSpec }): StreamTranslator {
  const wire = spec.wire as OpenAIWire;
  const name = spec.shortName;
  const lenient = spec.id !== "openai";
  let done = false;
  let usage: Usage | null = null;
  let usageSent = false;
  let failure: StreamError | null = null;
  let envelope = { id, created, model };
  const started = new Set<number>();
  const finished = new Set<number>();

  const fail = (error: StreamError): string[] => {
    failure = error;
    return [errorFrame(error)];
  };
  const upstreamError = (message: unknown, type: unknown) =>
    fail({ message: `${name} error: ${scrubUpstreamText({ text: typeof message === "string" ? message : "stream error" })}`, type: typeof type === "string" ? type : "server_error" });

  const track = (chunk: Json) => {
    if (typeof chunk.id === "string") envelope = { id: chunk.id, created: typeof chunk.created === "number" ? chunk.created : envelope.created, model: typeof chunk.model === "string" ? chunk.model : envelope.model };
    for (const choice of (chunk.choices as Json[] | undefined) ?? []) {
      const index = typeof choice?.index === "number" ? choice.index : 0;
      started.add(index);
      if (choice?.finish_reason) finished.add(index);
    }
  };

  return {
    push({ data }) {
      if (done || failure) return [];
      if (data.trim() === "[DONE]") {
        done = true;
        return [];
      }
      let chunk: Json;
      try {
        chunk = JSON.parse(data) as Json;
      } catch {
        return fail({ message: `${name} sent a malformed stream event.`, type: "server_error" });
      }
      if (!chunk || typeof chunk !== "object") return fail({ message: `${name} sent a malformed stream event.`, type: "server_error" });
      if (chunk.error && typeof chunk.error === "object") {
        const e = chunk.error as Json;
        return upstreamError(e.message, e.type);
      }
      const groqError = (chunk.x_groq as Json | undefined)?.error;
      if (typeof groqError === "string" && groqError) return upstreamError(groqError, "server_error");
      const chunkUsage = usageOfChunk(chunk, wire);
      if (chunkUsage) usage = chunkUsage;
      if (lenient && !Array.isArray(chunk.choices)) {
        // Not a chunk: an error in the provider's own shape (Mistral's {"object":"error"}), or a bare usage report.
        if (chunk.object === "error" || chunk.message !== undefined) return upstreamError(typeof chunk.message === "string" ? chunk.message : JSON.stringify(chunk.message), chunk.type);
        if (!chunkUsage) return [];
        chunk.choices = [];
      }
      if (lenient) normalizeChunk(chunk);
      track(chunk);
      const usageOnly = Array.isArray(chunk.choices) && chunk.choices.length === 0;
      if (includeUsage) {
        if (usageOnly && chunkUsage) usageSent = true;
        else if (chunkUsage) delete chunk.usage; // sent once, in the usage-only chunk
        return [sseFrame(chunk)];
      }
      if (chunkUsage && usageOnly) return [];
      delete chunk.usage;
      return [sseFrame(chunk)];
    },
    end() {
      if (failure) return [];
      const allFinished = started.size > 0 && [...started].every((index) => finished.has(index));
      if (!done && !(lenient && allFinished)) return fail({ message: `${name} closed the stream before it finished.`, type: "server_error" });
      done = true;
      const frames: string[] = [];
      if (includeUsage && usage && !usageSent) frames.push(sseFrame({ ...envelope, object: "chat.completion.chunk", choices: [], usage: toOpenAIUsage(usage) }));
      frames.push(DONE_FRAME);
      return frames;
    },
    usage: () => usage,
    error: () => failure,
  };
}
