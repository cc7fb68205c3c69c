import { listProviders, PROVIDERS } from "../providers/registry";
import type { ProviderId } from "./wire";

// What each provider's API keys look like, so a paste of the wrong thing is caught before it
// is sealed: the registry rows' key formats (lib/providers/registry).

/** How the vault names each provider ("Google Gemini"). */
export const providerNames = Object.fromEntries(listProviders().map((p) => [p.id, p.displayName])) as Record<ProviderId, string>;

/** The provider whose distinctive key prefix `key` starts with (the longest prefix wins), or null. */
function guessProvider(key: string): ProviderId | null {
  let best: { id: ProviderId; length: number } | null = null;
  for (const { id, key: format } of listProviders()) {
    const prefix = format.distinctivePrefix;
    if (prefix && key.startsWith(prefix) && format.pattern.test(key) && (!best || prefix.length > best.length)) best = { id, length: prefix.length };
  }
  return best?.id ?? null;
}

/** Null when `key` looks like a key of `provider`; otherwise a message that says what is wrong. */
export function checkProviderKey({ provider, key }: { provider: ProviderId; key: string }): string | null {
  if (key.length === 0) return "Paste the API key.";
  if (/\s/.test(key)) return "The key contains spaces or line breaks. Paste only the key.";
  // Admin keys manage an organisation; they are never what an app should call with.
  for (const { key: format } of listProviders()) {
    for (const refused of format.refuse ?? []) if (key.startsWith(refused.prefix)) return refused.message;
  }
  const format = PROVIDERS[provider].key;
  const other = guessProvider(key);
  if (format.pattern.test(key) && (other === null || other === provider)) return null;
  if (other && other !== provider) return `That looks like a ${providerNames[other]} key, not a ${providerNames[provider]} key.`;
  return `That does not look like a ${providerNames[provider]} API key (expected ${format.example}). Create one at ${format.createUrl}.`;
}

/** A key as shown while the vault is unlocked but not revealed: its provider prefix and last four. */
export function maskKey(key: string): string {
  const prefix = /^(sk-ant-api\d{2}-|sk-or-v1-|sk-proj-|sk-svcacct-|sk-|AIza|gsk_|xai-|tgp_v1_|fw_|csk-|pplx-)/.exec(key)?.[0] ?? "";
  return `${prefix}••••${key.slice(-4)}`;
}
