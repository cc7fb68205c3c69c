import { countTokens } from "../../providers/openai-usage";
import type { Usage } from "../../providers/types";

// A Responses `usage` object (ResponseUsage in the openai SDK) in the gateway's vocabulary:
// input_tokens include cached and cache-written ones (input_tokens_details), output_tokens
// include reasoning (output_tokens_details.reasoning_tokens). A provider that leaves reasoning
// out of output_tokens still counts it in total_tokens (xAI does so in Chat Completions), so
// the output settles upwards at total − input when that is larger.

type Json = Record<string, unknown>;

const objectOf = (value: unknown): Json => (value && typeof value === "object" ? (value as Json) : {});

/** The usage, or null when there is none. */
export function readResponsesUsage(value: unknown): Usage | null {
  if (!value || typeof value !== "object") return null;
  const u = value as Json;
  const input = countTokens(u.input_tokens);
  const inputDetails = objectOf(u.input_tokens_details);
  const outputDetails = objectOf(u.output_tokens_details);
  const output = Math.max(countTokens(u.output_tokens), countTokens(u.total_tokens) - input);
  return {
    inputTokens: input,
    outputTokens: output,
    cachedInputTokens: countTokens(inputDetails.cached_tokens),
    cacheWriteTokens: countTokens(inputDetails.cache_write_tokens),
    reasoningTokens: countTokens(outputDetails.reasoning_tokens),
  };
}
