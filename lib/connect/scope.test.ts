import { describe, expect, it } from "vitest";
import { emptyModels, formatScope, narrowScope, parseScope, type ParsedScope } from "./scope";
import { policyScopeFromScope } from "./scope-policy";

function parsed(text: string): ParsedScope {
  const result = parseScope(text);
  if (!result.ok) throw new Error(result.message);
  return result.scope;
}

describe("parseScope", () => {
  it("parses providers and models into canonical order", () => {
    expect(parsed("gemini anthropic:claude-sonnet-4-5 openai")).toEqual({
      providers: ["openai", "anthropic", "gemini"],
      models: { ...emptyModels(), anthropic: ["claude-sonnet-4-5"] },
    });
  });
  it("takes every registry provider, and models with the provider's own / and :", () => {
    expect(parsed("perplexity groq:openai/gpt-oss-120b mistral").providers).toEqual(["mistral", "groq", "perplexity"]);
    expect(parsed("openrouter:meta-llama/llama-3.3-70b-instruct:free").models.openrouter).toEqual(["meta-llama/llama-3.3-70b-instruct:free"]);
    expect(parsed("fireworks:accounts/fireworks/models/gpt-oss-120b").models.fireworks).toEqual(["accounts/fireworks/models/gpt-oss-120b"]);
    expect(formatScope(parsed("groq:openai/gpt-oss-120b openai:gpt-4o"))).toBe("openai:gpt-4o groq:openai/gpt-oss-120b");
  });
  it("treats a bare provider as any model, whatever the order", () => {
    expect(parsed("openai openai:gpt-4o").models.openai).toEqual([]);
    expect(parsed("openai:gpt-4o openai").models.openai).toEqual([]);
  });
  it("dedupes and sorts models", () => {
    const scope = parsed("openai:gpt-4o-mini openai:gpt-4o openai:gpt-4o-mini anthropic anthropic");
    expect(scope.providers).toEqual(["openai", "anthropic"]);
    expect(scope.models.openai).toEqual(["gpt-4o", "gpt-4o-mini"]);
  });
  it("accepts every model character and 120 characters", () => {
    expect(parsed("gemini:models.gemini-2.5_pro@001").models.gemini).toEqual(["models.gemini-2.5_pro@001"]);
    expect(parsed(`openai:${"a".repeat(120)}`).models.openai).toHaveLength(1);
  });
  it.each([
    ["", "at least one provider"],
    ["mistralai", "must start with"],
    ["OpenAI", "must start with"],
    ["openai:", "must not be empty"],
    ["openai:gpt 4o:x", "must start with"],
    ["openai:gpt 4o", "must start with"],
    ["openai:/gpt-4o", "may only contain"],
    ["openai:gpt-4o/", "may only contain"],
    ["openai:a//b", "may only contain"],
    ["openai:a/b/c/d/e/f", "may only contain"],
    ["openai:a/../b", 'must not contain ".."'],
    [`openai:${"a".repeat(121)}`, "at most 120"],
    ["openai  anthropic", "single spaces"],
    [" openai", "single spaces"],
    ["openai ", "single spaces"],
    ["openai\tanthropic", "must start with"],
    ["openai\nanthropic", "must start with"],
    [":gpt-4o", "must start with"],
    ["openai:gpt-4ö", "may only contain"],
  ])("refuses %j", (text, message) => {
    const result = parseScope(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain(message);
  });
  it("allows 50 distinct models and refuses 51", () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `openai:m${i}`).join(" ");
    expect(parseScope(fifty).ok).toBe(true);
    expect(parseScope(`${fifty} openai:m0 openai:m1`).ok).toBe(true); // duplicates do not count
    expect(parseScope(`${fifty} anthropic:m0`).ok).toBe(false);
  });
  it("refuses very long text and non-strings", () => {
    expect(parseScope("openai ".repeat(2000).trim()).ok).toBe(false);
    expect(parseScope(42 as unknown as string).ok).toBe(false);
  });
  it("never echoes the input", () => {
    const result = parseScope("openai:<script>");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).not.toContain("<script>");
  });
});

describe("formatScope", () => {
  it("writes the canonical form", () => {
    expect(formatScope(parsed("gemini openai:b openai:a anthropic"))).toBe("openai:a openai:b anthropic gemini");
  });
  it("round-trips", () => {
    for (const text of ["openai", "openai anthropic gemini", "anthropic:claude-sonnet-4-5 gemini:gemini-2.5-pro"]) {
      expect(formatScope(parsed(text))).toBe(text);
      expect(parsed(formatScope(parsed(text)))).toEqual(parsed(text));
    }
  });
  it("refuses malformed scopes", () => {
    const none = emptyModels();
    expect(() => formatScope({ providers: [], models: none })).toThrow(RangeError);
    expect(() => formatScope({ providers: ["openai", "openai"], models: none })).toThrow(RangeError);
    expect(() => formatScope({ providers: ["mistralai" as "openai"], models: none })).toThrow(RangeError);
    expect(() => formatScope({ providers: ["openai"], models: { ...none, anthropic: ["x"] } })).toThrow(RangeError);
    expect(() => formatScope({ providers: ["openai"], models: { ...none, openai: ["a b"] } })).toThrow(RangeError);
    expect(() => formatScope({ providers: ["openai"], models: { ...none, openai: ["a", "a"] } })).toThrow(RangeError);
    expect(() => formatScope(null as unknown as ParsedScope)).toThrow(TypeError);
  });
});

describe("narrowScope", () => {
  const check = (requested: string, granted: string) => narrowScope({ requested: parsed(requested), granted: parsed(granted) });
  it("accepts the same scope or a narrower one", () => {
    expect(check("openai anthropic", "openai anthropic").ok).toBe(true);
    expect(check("openai anthropic", "anthropic").ok).toBe(true);
    expect(check("openai", "openai:gpt-4o").ok).toBe(true);
    expect(check("openai:gpt-4o openai:gpt-4o-mini", "openai:gpt-4o-mini").ok).toBe(true);
  });
  it("returns the granted scope in canonical form", () => {
    const result = check("openai anthropic", "anthropic openai:b openai:a");
    expect(result).toEqual({ ok: true, scope: parsed("openai:a openai:b anthropic") });
  });
  it("refuses anything wider", () => {
    expect(check("openai", "anthropic").ok).toBe(false);
    expect(check("openai", "openai gemini").ok).toBe(false);
    expect(check("openai:gpt-4o", "openai").ok).toBe(false);
    expect(check("openai:gpt-4o", "openai:gpt-4o openai:o3").ok).toBe(false);
  });
});

describe("policyScopeFromScope", () => {
  it("maps open scopes and fully named scopes", () => {
    expect(policyScopeFromScope(parsed("gemini openai"))).toEqual({ ok: true, providers: ["openai", "gemini"], models: [] });
    expect(policyScopeFromScope(parsed("openai:gpt-4o anthropic:claude-sonnet-4-5"))).toEqual({
      ok: true,
      providers: ["openai", "anthropic"],
      models: ["gpt-4o", "claude-sonnet-4-5"],
    });
  });
  it("refuses a mix the policy cannot express", () => {
    expect(policyScopeFromScope(parsed("openai anthropic:claude-sonnet-4-5")).ok).toBe(false);
  });
});
