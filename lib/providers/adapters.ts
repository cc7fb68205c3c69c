import { anthropicAdapter } from "./anthropic";
import { geminiAdapter } from "./gemini";
import { createOpenAICompatibleAdapter } from "./openai";
import { PROVIDER_IDS, PROVIDERS } from "./registry";
import type { ProviderAdapter, ProviderId } from "./types";

// The adapter of each provider, chosen by its registry row's wire family.

function adapterFor(provider: ProviderId): ProviderAdapter {
  const { wire } = PROVIDERS[provider];
  if (wire.family === "anthropic") return anthropicAdapter;
  if (wire.family === "gemini") return geminiAdapter;
  return createOpenAICompatibleAdapter(PROVIDERS[provider]);
}

export const PROVIDER_ADAPTERS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, adapterFor(id)])) as Record<ProviderId, ProviderAdapter>;

export function getProviderAdapter(provider: ProviderId): ProviderAdapter {
  return PROVIDER_ADAPTERS[provider];
}
