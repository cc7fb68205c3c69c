import { countTokens, readOpenAIUsage } from "./openai-usage";
import type { OpenAIWire } from "./registry/provider-spec";
import type { Usage } from "./types";

// Usage as OpenAI-compatible providers report it, in the gateway's vocabulary. Beyond OpenAI's
// fields: DeepSeek's prompt_cache_hit_tokens (cached prompt), OpenRouter's
// prompt_tokens_details.cache_write_tokens, xAI's reasoning_tokens outside completion_tokens,
// and Groq's usage inside x_groq on stream chunks.

type Json = Record<string, unknown>;

export function readCompatibleUsage(value: unknown, wire: OpenAIWire): Usage | null {
  const usage = readOpenAIUsage(value);
  if (!usage) return null;
  const u = value as Json;
  const prompt = (u.prompt_tokens_details ?? {}) as Json;
  if (usage.cachedInputTokens === 0) usage.cachedInputTokens = countTokens(u.prompt_cache_hit_tokens);
  usage.cacheWriteTokens = countTokens(prompt.cache_write_tokens);
  if (wire.reasoningOutsideCompletion && usage.reasoningTokens > 0) {
    // xAI: total = prompt + completion + reasoning. Folded only then, so a provider that starts
    // counting reasoning inside completion_tokens is not charged it twice.
    const completion = countTokens(u.completion_tokens);
    if (countTokens(u.total_tokens) === usage.inputTokens + completion + usage.reasoningTokens) usage.outputTokens = completion + usage.reasoningTokens;
  }
  return usage;
}

/** The usage a stream chunk carries, wherever the provider puts it (null when none). */
export function usageOfChunk(chunk: Json, wire: OpenAIWire): Usage | null {
  const groq = chunk.x_groq as Json | undefined;
  return readCompatibleUsage(chunk.usage, wire) ?? (groq && typeof groq === "object" ? readCompatibleUsage(groq.usage, wire) : null);
}
