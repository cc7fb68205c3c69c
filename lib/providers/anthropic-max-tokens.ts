// Anthropic requires max_tokens; OpenAI clients usually send none. When the client gives no
// limit the gateway sends a default that every model of the family accepts
// (https://docs.claude.com/en/docs/about-claude/models/overview, "Max output", taken
// 2025-11): the Claude 3 (Haiku, Sonnet, Opus) models stop at 4,096 output tokens, every
// later model allows at least 8,192. A limit the client sets is sent as is: Anthropic itself
// answers 400 naming the model's maximum if it is too high.

export const ANTHROPIC_MAX_TOKENS_TAKEN = "2025-11";

const DEFAULTS: { pattern: RegExp; maxTokens: number }[] = [
  { pattern: /^claude-3-(haiku|sonnet|opus)(-|$)/, maxTokens: 4_096 },
  { pattern: /^claude-/, maxTokens: 8_192 },
];

/** Used for unknown names too: the lowest maximum of any Claude model. */
export const FALLBACK_MAX_TOKENS = 4_096;

export function defaultAnthropicMaxTokens(model: string): number {
  return DEFAULTS.find(({ pattern }) => pattern.test(model))?.maxTokens ?? FALLBACK_MAX_TOKENS;
}
