// The one list of provider ids (security model v1.1: the scope grammar, the vault, usage and
// the gateway all use it). Its order is the canonical order wherever providers are listed.
// Adding a provider: its id here, its row in ./index.ts (a file beside this one), tests.

export const PROVIDER_IDS = [
  "openai",
  "anthropic",
  "gemini",
  "mistral",
  "groq",
  "xai",
  "deepseek",
  "openrouter",
  "together",
  "fireworks",
  "cerebras",
  "perplexity",
] as const;

export type ProviderId = (typeof PROVIDER_IDS)[number];

export function isProviderId(value: unknown): value is ProviderId {
  return typeof value === "string" && (PROVIDER_IDS as readonly string[]).includes(value);
}
