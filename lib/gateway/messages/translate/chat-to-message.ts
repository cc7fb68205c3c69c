// Another provider's answer (already in Chat Completions' shape, from its adapter) as an
// Anthropic Message, for a client that called /v1/messages with that provider's model.
import type { ChatCompletion, FinishReason, Usage } from "../../../providers/types";

export const STOP_REASONS: Record<FinishReason, string> = { stop: "end_turn", length: "max_tokens", tool_calls: "tool_use", content_filter: "refusal", function_call: "tool_use" };

/** Usage in Anthropic's terms: input_tokens is what was not read from the cache. */
export function anthropicUsageOf(usage: Usage | null): { input_tokens: number; cache_creation_input_tokens: number; cache_read_input_tokens: number; output_tokens: number } {
  const u = usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
  return { input_tokens: Math.max(0, u.inputTokens - u.cachedInputTokens - u.cacheWriteTokens), cache_creation_input_tokens: u.cacheWriteTokens, cache_read_input_tokens: u.cachedInputTokens, output_tokens: u.outputTokens };
}

export function parseArguments(text: string): unknown {
  try {
    const value: unknown = JSON.parse(text || "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? value : { value };
  } catch {
    return { arguments: text };
  }
}

export function toAnthropicMessage({ completion, usage, model, id }: { completion: ChatCompletion; usage: Usage | null; model: string; id: string }) {
  const choice = completion.choices[0];
  const text = choice?.message.content ?? "";
  const calls = choice?.message.tool_calls ?? [];
  return {
    id,
    type: "message" as const,
    role: "assistant" as const,
    model,
    content: [...(text ? [{ type: "text", text }] : []), ...calls.map((c) => ({ type: "tool_use", id: c.id, name: c.function.name, input: parseArguments(c.function.arguments) }))],
    stop_reason: STOP_REASONS[choice?.finish_reason ?? "stop"],
    stop_sequence: null,
    usage: anthropicUsageOf(usage),
  };
}
