import type { ProviderId } from "./types";

/** How each provider is named in messages and docs. */
export const PROVIDER_NAMES: Record<ProviderId, string> = { openai: "OpenAI", anthropic: "Anthropic", gemini: "Gemini" };
