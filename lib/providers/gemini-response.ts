import { countTokens, toOpenAIUsage } from "./openai-usage";
import { createToolCallId } from "./tool-call-id";
import type { ChatCompletion, ChatCompletionChoice, ChatCompletionToolCall, FinishReason, Usage } from "./types";
import { UpstreamProtocolError } from "./upstream-protocol-error";
import { buildAssistantMessage } from "./assistant-message";

// GenerateContentResponse → chat.completion (https://ai.google.dev/api/generate-content#v1beta.GenerateContentResponse).

type Json = Record<string, unknown>;

/**
 * promptTokenCount already includes cachedContentTokenCount; thoughtsTokenCount is counted
 * apart from candidatesTokenCount (and billed as output); toolUsePromptTokenCount is prompt.
 */
export function readGeminiUsage(value: unknown): Usage {
  const u = (value && typeof value === "object" ? value : {}) as Json;
  const thoughts = countTokens(u.thoughtsTokenCount);
  return {
    inputTokens: countTokens(u.promptTokenCount) + countTokens(u.toolUsePromptTokenCount),
    outputTokens: countTokens(u.candidatesTokenCount) + thoughts,
    cachedInputTokens: countTokens(u.cachedContentTokenCount),
    cacheWriteTokens: 0,
    reasoningTokens: thoughts,
  };
}

const FILTERED = new Set([
  "SAFETY",
  "RECITATION",
  "BLOCKLIST",
  "PROHIBITED_CONTENT",
  "SPII",
  "IMAGE_SAFETY",
  "IMAGE_PROHIBITED_CONTENT",
  "IMAGE_RECITATION",
]);

export function mapGeminiFinishReason({ reason, hasToolCalls }: { reason: unknown; hasToolCalls: boolean }): FinishReason {
  if (reason === "MAX_TOKENS") return "length";
  if (typeof reason === "string" && FILTERED.has(reason)) return "content_filter";
  return hasToolCalls ? "tool_calls" : "stop";
}

/** The parts of one candidate (or one streamed chunk of it): visible text and function calls. */
export function readCandidateParts(candidate: Json): { text: string; toolCalls: ChatCompletionToolCall[] } {
  const parts = ((candidate.content as Json | undefined)?.parts ?? []) as Json[];
  let text = "";
  const toolCalls: ChatCompletionToolCall[] = [];
  for (const part of Array.isArray(parts) ? parts : []) {
    if (typeof part?.text === "string" && part.thought !== true) text += part.text;
    const call = part?.functionCall as Json | undefined;
    if (call && typeof call.name === "string") {
      const signature = typeof part.thoughtSignature === "string" ? part.thoughtSignature : undefined;
      toolCalls.push({ id: createToolCallId({ signature }), type: "function", function: { name: call.name, arguments: JSON.stringify(call.args ?? {}) } });
    }
  }
  return { text, toolCalls };
}

/** A prompt Gemini refused to answer comes back without candidates, with promptFeedback.blockReason. */
function blockedChoice(): ChatCompletionChoice {
  return { index: 0, message: { role: "assistant", content: "", refusal: null, annotations: [] }, logprobs: null, finish_reason: "content_filter" };
}

export function geminiToCompletion({ body, model, id, created }: { body: unknown; model: string; id: string; created: number }): {
  completion: ChatCompletion;
  usage: Usage;
} {
  const response = body as Json | null;
  if (!response || typeof response !== "object" || Array.isArray(response)) {
    throw new UpstreamProtocolError("Gemini answered without a GenerateContentResponse.");
  }
  const candidates = Array.isArray(response.candidates) ? (response.candidates as Json[]) : [];
  const choices = candidates.map((candidate, position): ChatCompletionChoice => {
    const { text, toolCalls } = readCandidateParts(candidate);
    return {
      index: typeof candidate.index === "number" ? candidate.index : position,
      message: buildAssistantMessage({ text, toolCalls }),
      logprobs: null,
      finish_reason: mapGeminiFinishReason({ reason: candidate.finishReason, hasToolCalls: toolCalls.length > 0 }),
    };
  });
  const usage = readGeminiUsage(response.usageMetadata);
  const completion: ChatCompletion = {
    id,
    object: "chat.completion",
    created,
    model,
    choices: choices.length > 0 ? choices : [blockedChoice()],
    usage: toOpenAIUsage(usage),
  };
  return { completion, usage };
}
