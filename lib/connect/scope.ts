/**
 * The scope grammar of app authorization (security model v1.1, "App
 * authorization"; RFC 6749 §3.3): space-separated items, each a provider id
 * from the provider registry (`openai`, `anthropic`, `gemini`, `groq`,
 * `mistral`…), optionally followed by `:<model>` (`anthropic:claude-sonnet-4-5`,
 * `openrouter:openai/gpt-4o`). The model is the provider's own id: it may hold
 * "/" and ":" (OpenRouter's `meta-llama/llama-3.3-70b-instruct:free`), since
 * only the first ":" separates it from the provider.
 *
 * - A provider with no model item means any model of that provider; a bare
 *   provider wins over its model items (`openai openai:gpt-4o` = any openai).
 * - Items are separated by exactly one space (RFC 6749 §3.3 `*( SP scope-token )`).
 * - Duplicates are dropped; at most 50 distinct model items; never empty.
 * - The canonical form lists providers in the registry's order (openai,
 *   anthropic, gemini, mistral…), and each provider's models in ascending
 *   code-unit order.
 */
import { PROVIDER_IDS } from "../providers/registry/provider-ids";
import type { ProviderId } from "../providers/types";

export const SCOPE_PROVIDERS = PROVIDER_IDS;
export const MAX_SCOPE_MODELS = 50;
export const MAX_MODEL_LENGTH = 120;
/** Generous bound on the whole text: every provider and 50 models of 120 characters fit within it. */
export const MAX_SCOPE_LENGTH = 8000;

/** Segments of letters, digits and . _ @ - : separated by single "/" (at most four). */
const MODEL_PATTERN = /^[A-Za-z0-9._@:-]+(\/[A-Za-z0-9._@:-]+){0,4}$/;

export interface ParsedScope {
  /** The providers granted, in canonical order, at least one. */
  providers: ProviderId[];
  /** Per provider, the models allowed; an empty list means any model of that provider. */
  models: Record<ProviderId, string[]>;
}

export type ParseScopeResult = { ok: true; scope: ParsedScope } | { ok: false; message: string };

function isProvider(value: string): value is ProviderId {
  return (SCOPE_PROVIDERS as readonly string[]).includes(value);
}

function checkModel(model: string): string | null {
  if (model.length === 0) return "a model after \":\" must not be empty";
  if (model.length > MAX_MODEL_LENGTH) return `a model name must be at most ${MAX_MODEL_LENGTH} characters`;
  if (!MODEL_PATTERN.test(model)) return "a model name may only contain A-Z, a-z, 0-9 and . _ @ - : and single / between parts";
  if (model.includes("..")) return 'a model name must not contain ".."';
  return null;
}

export function emptyModels(): Record<ProviderId, string[]> {
  return Object.fromEntries(SCOPE_PROVIDERS.map((id) => [id, []])) as unknown as Record<ProviderId, string[]>;
}

/** Parses a scope string; never throws for string input. Messages never echo the input. */
export function parseScope(text: string): ParseScopeResult {
  if (typeof text !== "string") return { ok: false, message: "scope must be a string" };
  if (text.length === 0) return { ok: false, message: "scope must name at least one provider" };
  if (text.length > MAX_SCOPE_LENGTH) return { ok: false, message: `scope must be at most ${MAX_SCOPE_LENGTH} characters` };
  const anyModel = new Set<ProviderId>();
  const models = new Map<ProviderId, Set<string>>();
  let modelCount = 0;
  for (const item of text.split(" ")) {
    if (item.length === 0) return { ok: false, message: "scope items must be separated by single spaces" };
    const colon = item.indexOf(":");
    const provider = colon === -1 ? item : item.slice(0, colon);
    if (!isProvider(provider)) return { ok: false, message: `scope items must start with a provider id (${SCOPE_PROVIDERS.join(", ")})` };
    if (colon === -1) {
      anyModel.add(provider);
      continue;
    }
    const model = item.slice(colon + 1);
    const problem = checkModel(model);
    if (problem !== null) return { ok: false, message: problem };
    const set = models.get(provider) ?? new Set<string>();
    if (!set.has(model)) {
      set.add(model);
      modelCount += 1;
      if (modelCount > MAX_SCOPE_MODELS) return { ok: false, message: `scope may name at most ${MAX_SCOPE_MODELS} models` };
    }
    models.set(provider, set);
  }
  const scope: ParsedScope = { providers: [], models: emptyModels() };
  for (const provider of SCOPE_PROVIDERS) {
    if (anyModel.has(provider)) scope.providers.push(provider);
    else if (models.has(provider)) {
      scope.providers.push(provider);
      scope.models[provider] = [...models.get(provider)!].sort(compareCodeUnits);
    }
  }
  return { ok: true, scope };
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Throws TypeError/RangeError unless `scope` is a well-formed ParsedScope. */
export function assertParsedScope(scope: ParsedScope): void {
  if (typeof scope !== "object" || scope === null) throw new TypeError("scope must be an object");
  if (!Array.isArray(scope.providers) || typeof scope.models !== "object" || scope.models === null) {
    throw new TypeError("scope must have providers and models");
  }
  if (scope.providers.length === 0) throw new RangeError("scope must name at least one provider");
  if (new Set(scope.providers).size !== scope.providers.length) throw new RangeError("scope names a provider twice");
  let count = 0;
  for (const provider of scope.providers) {
    if (typeof provider !== "string" || !isProvider(provider)) throw new RangeError("scope names an unknown provider");
  }
  for (const [provider, list] of Object.entries(scope.models)) {
    if (!isProvider(provider)) throw new RangeError("scope has models for an unknown provider");
    if (!Array.isArray(list)) throw new TypeError("scope models must be arrays");
    if (list.length > 0 && !scope.providers.includes(provider)) throw new RangeError("scope has models for a provider it does not name");
    if (new Set(list).size !== list.length) throw new RangeError("scope names a model twice");
    for (const model of list) {
      if (typeof model !== "string") throw new TypeError("scope models must be strings");
      const problem = checkModel(model);
      if (problem !== null) throw new RangeError(problem);
    }
    count += list.length;
  }
  if (count > MAX_SCOPE_MODELS) throw new RangeError(`scope may name at most ${MAX_SCOPE_MODELS} models`);
}

/** The canonical text of a scope; `parseScope(formatScope(s))` gives `s` back in canonical order. */
export function formatScope(scope: ParsedScope): string {
  assertParsedScope(scope);
  const items: string[] = [];
  for (const provider of SCOPE_PROVIDERS) {
    if (!scope.providers.includes(provider)) continue;
    const list = scope.models[provider] ?? [];
    if (list.length === 0) items.push(provider);
    else for (const model of [...list].sort(compareCodeUnits)) items.push(`${provider}:${model}`);
  }
  return items.join(" ");
}

/**
 * Checks that what the person granted stays within what the app requested:
 * every granted provider was requested, and where the request named models,
 * the grant names a subset of them (never "any model").
 */
export function narrowScope({ requested, granted }: { requested: ParsedScope; granted: ParsedScope }): { ok: true; scope: ParsedScope } | { ok: false; message: string } {
  assertParsedScope(requested);
  assertParsedScope(granted);
  for (const provider of granted.providers) {
    if (!requested.providers.includes(provider)) return { ok: false, message: `the app did not ask for ${provider}` };
    const allowed = requested.models[provider] ?? [];
    if (allowed.length === 0) continue;
    const picked = granted.models[provider] ?? [];
    if (picked.length === 0) return { ok: false, message: `the app asked for named ${provider} models only, not any model` };
    if (!picked.every((model) => allowed.includes(model))) return { ok: false, message: `a ${provider} model was not asked for by the app` };
  }
  const canonical = parseScope(formatScope(granted));
  if (!canonical.ok) throw new Error("unreachable: a checked scope always formats and parses");
  return { ok: true, scope: canonical.scope };
}
