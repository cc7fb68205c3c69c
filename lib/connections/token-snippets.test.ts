import { describe, expect, it } from "vitest";
import { exampleModel, tokenSnippets } from "./token-snippets";

describe("the new token's snippets", () => {
  it("picks a model the token may call, by the name that routes to it", () => {
    expect(exampleModel({ policy: { models: [] }, providers: ["openai"] })).toBe("gpt-4o-mini");
    expect(exampleModel({ policy: { models: ["claude-haiku-4-5"] }, providers: ["anthropic"] })).toBe("claude-haiku-4-5");
    expect(exampleModel({ policy: { models: ["llama-3.1-8b-instant"] }, providers: ["groq"] })).toBe("llama-3.1-8b-instant");
    expect(exampleModel({ policy: { models: ["openai/gpt-oss-120b"] }, providers: ["groq"] })).toBe("groq/openai/gpt-oss-120b");
    expect(exampleModel({ policy: { models: [] }, providers: [] })).toBeNull();
  });

  it("gives the base URL and a curl line that works as it is", () => {
    const s = tokenSnippets({ publicUrl: "https://relay.example", token: "1r_abc", model: "gpt-4o-mini" });
    expect(s.baseUrl).toBe("https://relay.example/v1");
    expect(s.curl).toContain("curl https://relay.example/v1/chat/completions");
    expect(s.curl).toContain('-H "Authorization: Bearer 1r_abc"');
    const body = /-d '(.*)'$/.exec(s.curl)![1]!;
    expect(JSON.parse(body)).toMatchObject({ model: "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user" }] });
  });
});
