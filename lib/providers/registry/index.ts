import { anthropicProvider } from "./anthropic";
import { cerebrasProvider } from "./cerebras";
import { deepseekProvider } from "./deepseek";
import { fireworksProvider } from "./fireworks";
import { geminiProvider } from "./gemini";
import { groqProvider } from "./groq";
import { mistralProvider } from "./mistral";
import { openaiProvider } from "./openai";
import { openrouterProvider } from "./openrouter";
import { perplexityProvider } from "./perplexity";
import type { ProviderSpec } from "./provider-spec";
import { PROVIDER_IDS, type ProviderId } from "./provider-ids";
import { togetherProvider } from "./together";
import { xaiProvider } from "./xai";

// The provider registry: one typed table, one row per provider (a file beside this one).
// Everything else (vault key checks, routing, adapters, pricing, scopes, settings, the UI) reads
// it. Adding a provider is a row here plus its id in provider-ids.ts and tests.

export { PROVIDER_IDS, isProviderId, type ProviderId } from "./provider-ids";
export type { ProviderSpec, OpenAIWire, KeyFormat, ProviderEndpoints, WireFormat } from "./provider-spec";

export const PROVIDERS: Readonly<Record<ProviderId, ProviderSpec>> = {
  openai: openaiProvider,
  anthropic: anthropicProvider,
  gemini: geminiProvider,
  mistral: mistralProvider,
  groq: groqProvider,
  xai: xaiProvider,
  deepseek: deepseekProvider,
  openrouter: openrouterProvider,
  together: togetherProvider,
  fireworks: fireworksProvider,
  cerebras: cerebrasProvider,
  perplexity: perplexityProvider,
};

export function getProvider(id: ProviderId): ProviderSpec {
  return PROVIDERS[id];
}

/** Every provider, in the canonical order. */
export function listProviders(): ProviderSpec[] {
  return PROVIDER_IDS.map((id) => PROVIDERS[id]);
}

/** How the UI names a provider ("Google Gemini"); unknown ids (old records) as they are. */
export function providerDisplayName(id: string): string {
  return (PROVIDERS as Record<string, ProviderSpec | undefined>)[id]?.displayName ?? id;
}
