/**
 * From a granted scope to the `providers` and `models` fields of a
 * connection policy (lib/connections/wire.ts). The policy's model list is
 * one allowlist across all providers (the gateway refuses any model not in
 * it when it is non-empty), so a scope that limits one provider to named
 * models while leaving another open ("openai anthropic:claude-sonnet-4-5")
 * cannot be written as a policy: it is refused here, and the consent page
 * asks the person to name models for every provider or for none.
 */
import type { ProviderId } from "../providers/types";
import { assertParsedScope, type ParsedScope } from "./scope";

export type PolicyScopeResult = { ok: true; providers: ProviderId[]; models: string[] } | { ok: false; message: string };

export function policyScopeFromScope(scope: ParsedScope): PolicyScopeResult {
  assertParsedScope(scope);
  const limited = scope.providers.filter((provider) => (scope.models[provider] ?? []).length > 0);
  if (limited.length === 0) return { ok: true, providers: [...scope.providers], models: [] };
  if (limited.length !== scope.providers.length) {
    return { ok: false, message: "name models for every provider, or for none: a connection has one model list" };
  }
  const models = [...new Set(scope.providers.flatMap((provider) => scope.models[provider] ?? []))];
  return { ok: true, providers: [...scope.providers], models };
}
