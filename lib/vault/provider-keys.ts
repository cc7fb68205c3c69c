import type { ProviderId } from "./wire";

// What each provider's API keys look like, so a paste of the wrong thing is caught
// before it is sealed. Formats as the providers document and issue them (Nov 2026).

export const providerNames: Record<ProviderId, string> = {
  openai: "OpenAI",
  anthropic: "Anthropic",
  gemini: "Google Gemini",
};

const formats: Record<ProviderId, { pattern: RegExp; example: string }> = {
  openai: { pattern: /^sk-(?!ant-)(?:proj-|svcacct-|None-)?[A-Za-z0-9_-]{20,300}$/, example: "sk-proj-…" },
  anthropic: { pattern: /^sk-ant-api\d{2}-[A-Za-z0-9_-]{20,300}$/, example: "sk-ant-api03-…" },
  gemini: { pattern: /^AIza[0-9A-Za-z_-]{35}$/, example: "AIza… (39 characters)" },
};

function guessProvider(key: string): ProviderId | null {
  for (const [provider, { pattern }] of Object.entries(formats) as [ProviderId, { pattern: RegExp }][]) {
    if (pattern.test(key)) return provider;
  }
  return null;
}

/** Null when `key` looks like a key of `provider`; otherwise a message that says what is wrong. */
export function checkProviderKey({ provider, key }: { provider: ProviderId; key: string }): string | null {
  if (key.length === 0) return "Paste the API key.";
  if (/\s/.test(key)) return "The key contains spaces or line breaks. Paste only the key.";
  // Admin keys manage an organisation; they are never what an app should call with.
  if (key.startsWith("sk-ant-admin")) return "That is an Anthropic admin key. Use an API key (sk-ant-api03-…).";
  if (key.startsWith("sk-admin-")) return "That is an OpenAI admin key. Use a project or user API key (sk-proj-…).";
  if (formats[provider].pattern.test(key)) return null;
  const other = guessProvider(key);
  if (other) return `That looks like a ${providerNames[other]} key, not a ${providerNames[provider]} key.`;
  return `That does not look like a ${providerNames[provider]} API key (expected ${formats[provider].example}).`;
}

/** A key as shown while the vault is unlocked but not revealed: prefix and last four. */
export function maskKey(key: string): string {
  const prefix = /^(sk-ant-api\d{2}-|sk-proj-|sk-svcacct-|sk-|AIza)/.exec(key)?.[0] ?? "";
  return `${prefix}••••${key.slice(-4)}`;
}
