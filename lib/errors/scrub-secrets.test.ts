import { describe, expect, it } from "vitest";
import { scrubSecrets } from "./scrub-secrets";

describe("scrubSecrets", () => {
  it.each([
    ["OpenAI key", "sk-proj-abcDEF1234567890abcdef"],
    ["Anthropic key", "sk-ant-api03-abcdefghijklmnop_QRST"],
    ["Gemini key", "AIzaSyA1234567890abcdefghijklmnopqrs"],
    ["relay token", "1r_0000abcdEFGH1234567890abcdefghijklmnopqrstuvwxyz"],
    ["bearer header", "Bearer abc.def-ghi_jkl"],
    ["long hex", "a".repeat(16) + "0123456789abcdef0123456789"],
    ["envelope", "v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBB"],
  ])("removes a %s", (_name, secret) => {
    const out = scrubSecrets(`upstream said: invalid key ${secret} (check it)`);
    expect(out).not.toContain(secret);
    expect(out).toContain("[redacted]");
    expect(out).toMatch(/^upstream said: invalid key /);
    expect(out).toMatch(/ \(check it\)$/);
  });

  it("leaves ordinary text alone", () => {
    const text = "The model gpt-4o-mini is not available for this request.";
    expect(scrubSecrets(text)).toBe(text);
  });
});
