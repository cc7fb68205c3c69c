import { countTokens } from "./openai-usage";
import type { ChatCompletion, ChatCompletionToolCall, FinishReason, Usage } from "./types";
import { toOpenAIUsage } from "./openai-usage";
import { UpstreamProtocolError } from "./upstream-protocol-error";
import { buildAssistantMessage } from "./assistant-message";

// Messages API response → chat.completion (https://docs.claude.com/en/api/messages).

type Json = Record<string, unknown>;

/**
 * Anthropic's input_tokens count only what follows the cache breakpoints; the prompt is
 * input + cache reads + cache writes (https://docs.claude.com/en/docs/build-with-claude/prompt-caching).
 */
export function readAnthropicUsage(value: unknown): Usage {
  const u = (value && typeof value === "object" ? value : {}) as Json;
  const cacheRead = countTokens(u.cache_read_input_tokens);
  const cacheWrite = countTokens(u.cache_creation_input_tokens);
  // cache_creation breaks the writes down by TTL (1-hour writes cost more); output_tokens_details
  // says how many of the output tokens were thinking (output_tokens stays the billed total).
  const byTtl = (u.cache_creation && typeof u.cache_creation === "object" ? u.cache_creation : {}) as Json;
  const written1h = Math.min(cacheWrite, countTokens(byTtl.ephemeral_1h_input_tokens));
  const details = (u.output_tokens_details && typeof u.output_tokens_details === "object" ? u.output_tokens_details : {}) as Json;
  return {
    inputTokens: countTokens(u.input_tokens) + cacheRead + cacheWrite,
    outputTokens: countTokens(u.output_tokens),
    cachedInputTokens: cacheRead,
    cacheWriteTokens: cacheWrite,
    ...(written1h > 0 ? { cacheWrite1hTokens: written1h } : {}),
    reasoningTokens: countTokens(details.thinking_tokens),
  };
}

const FINISH: Record<string, FinishReason> = {
  end_turn: "stop",
  stop_sequence: "stop",
  pause_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
};

export function mapAnthropicStopReason(reason: unknown): FinishReason {
  return (typeof reason === "string" && Object.hasOwn(FINISH, reason) ? FINISH[reason] : undefined) ?? "stop";
}

export function anthropicToCompletion({ body, model, id, created }: { body: unknown; model: string; id: string; created: number }): {
  completion: ChatCompletion;
  usage: Usage;
} {
  const message = body as Json | null;
  if (!message || typeof message !== "object" || !Array.isArray(message.content)) {
    throw new UpstreamProtocolError("Anthropic answered without a content array.");
  }
  let text = "";
  const toolCalls: ChatCompletionToolCall[] = [];
  for (const block of message.content as Json[]) {
    if (block?.type === "text" && typeof block.text === "string") text += block.text;
    if (block?.type === "tool_use" && typeof block.id === "string" && typeof block.name === "string") {
      toolCalls.push({ id: block.id, type: "function", function: { name: block.name, arguments: JSON.stringify(block.input ?? {}) } });
    }
  }
  const usage = readAnthropicUsage(message.usage);
  const completion: ChatCompletion = {
    id,
    object: "chat.completion",
    created,
    model,
    choices: [
      {
        index: 0,
        message: buildAssistantMessage({ text, toolCalls }),
        logprobs: null,
        finish_reason: mapAnthropicStopReason(message.stop_reason),
      },
    ],
    usage: toOpenAIUsage(usage),
  };
  return { completion, usage };
}
