// What the token notice shows after a token is made: the base URL to give a client, and a curl
// line that works as it is (the token, a model the token may use, a small max_tokens). Pure.
import { providersOfModel } from "../providers/catalogue";
import { PROVIDERS } from "../providers/registry";
import { routableModelId } from "../providers/routing";
import type { ProviderId } from "../providers/types";
import type { ConnectionPolicy } from "./wire";

/** A model the token may call, by the name that routes to it: its first allowed model, else its first provider's everyday model. */
export function exampleModel({ policy, providers }: { policy: Pick<ConnectionPolicy, "models">; providers: readonly ProviderId[] }): string | null {
  const provider = providers[0];
  if (!provider) return null;
  const allowed = policy.models[0];
  if (!allowed) return routableModelId({ provider, model: PROVIDERS[provider].keyTestModel });
  return routableModelId({ provider: providersOfModel({ model: allowed, providers })[0] ?? provider, model: allowed });
}

/** Shell-quoted for a single-quoted argument. */
const singleQuoted = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;

export function tokenSnippets({ publicUrl, token, model }: { publicUrl: string; token: string; model: string | null }) {
  const baseUrl = `${publicUrl}/v1`;
  const body = JSON.stringify({ model: model ?? "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: "Say hello in five words." }] });
  return {
    baseUrl,
    curl: `curl ${baseUrl}/chat/completions \\\n  -H "Authorization: Bearer ${token}" \\\n  -H "Content-Type: application/json" \\\n  -d ${singleQuoted(body)}`,
  };
}
