import type { OpenAIUsage, Usage } from "./types";

// Usage in and out of OpenAI's `usage` object: prompt_tokens include cached ones,
// completion_tokens include reasoning ones (https://platform.openai.com/docs/api-reference/chat/object).

/** A token count from an untrusted field: a finite non-negative integer, else 0. */
export const countTokens = (value: unknown): number => (typeof value === "number" && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0);

export function emptyUsage(): Usage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 };
}

export function toOpenAIUsage(usage: Usage): OpenAIUsage {
  return {
    prompt_tokens: usage.inputTokens,
    completion_tokens: usage.outputTokens,
    total_tokens: usage.inputTokens + usage.outputTokens,
    prompt_tokens_details: { cached_tokens: usage.cachedInputTokens },
    completion_tokens_details: { reasoning_tokens: usage.reasoningTokens },
  };
}

/** Reads OpenAI's usage object; null when there is none. */
export function readOpenAIUsage(value: unknown): Usage | null {
  if (!value || typeof value !== "object") return null;
  const u = value as Record<string, unknown>;
  const prompt = (u.prompt_tokens_details ?? {}) as Record<string, unknown>;
  const completion = (u.completion_tokens_details ?? {}) as Record<string, unknown>;
  return {
    inputTokens: countTokens(u.prompt_tokens),
    outputTokens: countTokens(u.completion_tokens),
    cachedInputTokens: countTokens(prompt.cached_tokens),
    cacheWriteTokens: 0,
    reasoningTokens: countTokens(completion.reasoning_tokens),
  };
}
