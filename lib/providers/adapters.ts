import { anthropicAdapter } from "./anthropic";
import { geminiAdapter } from "./gemini";
import { openaiAdapter } from "./openai";
import type { ProviderAdapter, ProviderId } from "./types";

/** The adapter of each provider. */
export const PROVIDER_ADAPTERS: Record<ProviderId, ProviderAdapter> = {
  openai: openaiAdapter,
  anthropic: anthropicAdapter,
  gemini: geminiAdapter,
};

export function getProviderAdapter(provider: ProviderId): ProviderAdapter {
  return PROVIDER_ADAPTERS[provider];
}
