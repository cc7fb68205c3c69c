import type { ProviderId } from "./types";

// Which provider serves a model name. An explicit "provider/model" prefix always wins and is
// stripped; otherwise the model family decides. Unknown names route nowhere (null).

const PREFIXES = new Map<string, ProviderId>([
  ["openai", "openai"],
  ["anthropic", "anthropic"],
  ["gemini", "gemini"],
]);

const FAMILIES: { pattern: RegExp; provider: ProviderId }[] = [
  { pattern: /^gpt-/, provider: "openai" },
  { pattern: /^chatgpt-/, provider: "openai" },
  { pattern: /^o\d/, provider: "openai" },
  { pattern: /^claude-/, provider: "anthropic" },
  { pattern: /^gemini-/, provider: "gemini" },
];

export interface ResolvedModel {
  provider: ProviderId;
  upstreamModel: string;
}

export function resolveModel(model: string): ResolvedModel | null {
  const slash = model.indexOf("/");
  if (slash >= 0) {
    const provider = PREFIXES.get(model.slice(0, slash));
    const upstreamModel = model.slice(slash + 1);
    if (!provider || upstreamModel === "" || upstreamModel.includes("/")) return null;
    return { provider, upstreamModel };
  }
  const family = FAMILIES.find(({ pattern }) => pattern.test(model));
  return family ? { provider: family.provider, upstreamModel: model } : null;
}
