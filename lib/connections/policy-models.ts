import { isProviderId, PROVIDERS, type ProviderId } from "../providers/registry";

// A connection's model allowlist holds upstream model ids (what the gateway compares after
// routing: "groq/llama-3.3-70b-versatile" is checked as "llama-3.3-70b-versatile"). People type
// the names they call, so a leading "<provider>/" of a provider the connection is granted is
// taken off here ("openrouter/openai/gpt-4o" → "openai/gpt-4o").

export function policyModelsFromInput({ text, providers }: { text: string; providers: readonly ProviderId[] }): string[] {
  const models: string[] = [];
  for (const entry of text.split(/[\s,]+/).filter(Boolean)) {
    const slash = entry.indexOf("/");
    const prefix = slash > 0 ? entry.slice(0, slash) : "";
    const rest = entry.slice(slash + 1);
    const strip = isProviderId(prefix) && providers.includes(prefix) && rest !== "" && (!rest.includes("/") || PROVIDERS[prefix].routing.nestedModelIds);
    const model = strip ? rest : entry;
    if (!models.includes(model)) models.push(model);
  }
  return models;
}
