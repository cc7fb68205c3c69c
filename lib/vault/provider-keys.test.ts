import { describe, expect, it } from "vitest";
import { checkProviderKey, maskKey } from "./provider-keys";

const openai = "sk-proj-" + "a1B2".repeat(12);
const anthropic = "sk-ant-api03-" + "Xy9_".repeat(20);
const gemini = "AIza" + "SyA1234567890abcdefghijklmnopqrstuv";

describe("provider key formats", () => {
  it("accept each provider's own keys", () => {
    expect(gemini).toHaveLength(39);
    expect(checkProviderKey({ provider: "openai", key: openai })).toBeNull();
    expect(checkProviderKey({ provider: "openai", key: "sk-" + "x".repeat(48) })).toBeNull();
    expect(checkProviderKey({ provider: "anthropic", key: anthropic })).toBeNull();
    expect(checkProviderKey({ provider: "gemini", key: gemini })).toBeNull();
  });

  it("say which provider a misplaced key belongs to", () => {
    expect(checkProviderKey({ provider: "openai", key: anthropic })).toContain("Anthropic key, not a OpenAI key");
    expect(checkProviderKey({ provider: "gemini", key: openai })).toContain("OpenAI key, not a Google Gemini key");
  });

  it("refuse admin keys, whitespace and junk with a reason", () => {
    expect(checkProviderKey({ provider: "anthropic", key: "sk-ant-admin01-" + "x".repeat(30) })).toContain("admin key");
    expect(checkProviderKey({ provider: "openai", key: "sk-admin-" + "x".repeat(30) })).toContain("admin key");
    expect(checkProviderKey({ provider: "openai", key: `${openai}\n` })).toContain("spaces or line breaks");
    expect(checkProviderKey({ provider: "gemini", key: "hello" })).toContain("does not look like a Google Gemini API key");
    expect(checkProviderKey({ provider: "gemini", key: "" })).toBe("Paste the API key.");
  });

  it("mask to the prefix and last four characters", () => {
    expect(maskKey(openai)).toBe("sk-proj-••••a1B2");
    expect(maskKey(anthropic)).toBe("sk-ant-api03-••••Xy9_");
    expect(maskKey(gemini)).toBe("AIza••••stuv");
    expect(maskKey(openai)).not.toContain(openai.slice(8, -4));
  });
});
