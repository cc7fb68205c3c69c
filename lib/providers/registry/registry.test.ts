import { describe, expect, it } from "vitest";
import { chatRequestSchema } from "../../chat-api/chat-request";
import { findPrice } from "../../limits/pricing";
import { joinUpstreamUrl } from "../base-url";
import { listCatalogue } from "../catalogue";
import { claimingProviders, resolveModel, routableModelId } from "../routing";
import { isProviderId, listProviders, PROVIDER_IDS, PROVIDERS } from "./index";
import { SAMPLE_KEYS } from "./sample-keys";


const requestFields = new Set(Object.keys(chatRequestSchema.shape));

describe("the provider registry", () => {
  it("has one row per id, keyed by its own id, and the ids are unique", () => {
    expect(new Set(PROVIDER_IDS).size).toBe(PROVIDER_IDS.length);
    expect(Object.keys(PROVIDERS)).toEqual([...PROVIDER_IDS]);
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].id).toBe(id);
    expect(PROVIDER_IDS).toHaveLength(12);
    expect(isProviderId("groq")).toBe(true);
    expect(isProviderId("constructor")).toBe(false);
  });

  it.each(PROVIDER_IDS)("gives %s every field", (id) => {
    const p = PROVIDERS[id];
    expect(p.displayName.length).toBeGreaterThan(1);
    expect(p.shortName.length).toBeGreaterThan(1);
    expect(p.key.pattern).toBeInstanceOf(RegExp);
    expect(p.key.pattern.source.startsWith("^") && p.key.pattern.source.endsWith("$")).toBe(true);
    expect(p.key.example.length).toBeGreaterThan(2);
    expect(new URL(p.key.createUrl).protocol).toBe("https:");
    expect(p.baseUrl.setting).toMatch(/^[A-Z]+_BASE_URL$/);
    expect(joinUpstreamUrl({ baseUrl: p.baseUrl.default, path: "/x" }).startsWith("https://")).toBe(true);
    expect(["authorization", "x-api-key", "x-goog-api-key"]).toContain(p.auth.header);
    expect(["openai", "anthropic", "gemini"]).toContain(p.wire.family);
    expect(p.endpoints.chatCompletions && p.endpoints.models).toBe(true);
    expect(p.endpoints.embeddings).toBe(p.embeddingPrices.length > 0);
    expect(Number.isSafeInteger(p.maxImageTokens) && p.maxImageTokens > 0).toBe(true);
    expect(p.prices.length).toBeGreaterThan(0);
    for (const field of Object.keys(p.unsupportedFields)) expect(requestFields.has(field), field).toBe(true);
    expect(findPrice({ provider: id, model: p.keyTestModel }), "the Test button's model has a price").not.toBeNull();
    expect(resolveModel(routableModelId({ provider: id, model: p.keyTestModel }))).toEqual({ provider: id, upstreamModel: p.keyTestModel });
  });

  it("names a distinct base URL setting per provider", () => {
    const settings = listProviders().map((p) => p.baseUrl.setting);
    expect(new Set(settings).size).toBe(settings.length);
    expect(PROVIDERS.groq.baseUrl.setting).toBe("GROQ_BASE_URL");
  });

  it("sends every OpenAI-compatible provider's key as a bearer token", () => {
    for (const p of listProviders()) if (p.wire.family === "openai") expect(p.auth, p.id).toEqual({ header: "authorization", scheme: "bearer" });
    expect(PROVIDERS.anthropic.auth.header).toBe("x-api-key");
    expect(PROVIDERS.gemini.auth.header).toBe("x-goog-api-key");
  });

  it("accepts each provider's own key shape, and no distinctive prefix is another's", () => {
    for (const id of PROVIDER_IDS) expect(PROVIDERS[id].key.pattern.test(SAMPLE_KEYS[id]), id).toBe(true);
    const prefixes = listProviders().flatMap((p) => (p.key.distinctivePrefix ? [p.key.distinctivePrefix] : []));
    for (const a of prefixes) for (const b of prefixes) if (a !== b) expect(b.startsWith(a), `${a} / ${b}`).toBe(false);
    for (const p of listProviders()) if (p.key.distinctivePrefix) expect(SAMPLE_KEYS[p.id].startsWith(p.key.distinctivePrefix)).toBe(true);
  });
});

describe("routing from the registry", () => {
  const catalogue = listCatalogue();

  it("routes <provider>/<model> to every priced model, and lists each under a name that routes back to it", () => {
    for (const entry of catalogue) {
      expect(resolveModel(`${entry.provider}/${entry.model}`), entry.model).toEqual({ provider: entry.provider, upstreamModel: entry.model });
      expect(resolveModel(entry.id), entry.id).toEqual({ provider: entry.provider, upstreamModel: entry.model });
    }
  });

  it("never lets a provider's bare-name family claim another provider's model", () => {
    for (const entry of catalogue) {
      const claims = claimingProviders(entry.model);
      expect(claims.filter((p) => p !== entry.provider), `${entry.provider}: ${entry.model}`).toEqual([]);
    }
  });

  it("claims no name for two providers", () => {
    const probes = [...catalogue.map((e) => e.model), "gpt-5", "o3", "claude-opus-5", "gemini-3-pro", "mistral-tiny", "grok-9", "deepseek-v5", "sonar", "llama-3.1-8b-instant", "zai-glm-9", "accounts/x/models/y"];
    for (const name of probes) expect(claimingProviders(name).length, name).toBeLessThanOrEqual(1);
  });

  it("does not route bare ids that several providers serve", () => {
    for (const name of ["gpt-oss-120b", "meta-llama/Llama-3.3-70B-Instruct-Turbo", "moonshotai/Kimi-K2.6"]) expect(resolveModel(name), name).toBeNull();
  });
});
