import { describe, expect, it } from "vitest";
import { findModelNameProblem } from "./model-name";

describe("findModelNameProblem", () => {
  it.each([
    "gpt-4o",
    "gpt-4.1-mini-2025-04-14",
    "o3",
    "claude-sonnet-4-5-20250929",
    "anthropic/claude-sonnet-4-5",
    "openrouter/meta-llama/llama-3.3-70b-instruct:free",
    "fireworks/accounts/fireworks/models/gpt-oss-120b",
    "gemini-2.5-flash",
    "ft:gpt-4o-mini:org:custom:abc123",
    "claude-3-5-sonnet@20240620",
    "models_v2.x",
  ])("accepts %s", (name) => {
    expect(findModelNameProblem(name)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["too long", "a".repeat(129)],
    ["dot-dot", "gpt-4o/../admin"],
    ["dot-dot without slash", "gpt..4o"],
    ["percent", "gpt-4o%2F..%2Fx"],
    ["full URL", "https://evil.example/v1"],
    ["URL with one slash", "http:/evil"],
    ["five slashes", "fireworks/accounts/a/models/b/c"],
    ["an empty part", "openrouter//gpt-4o"],
    ["trailing slash", "openai/"],
    ["leading slash", "/gpt-4o"],
    ["leading dot", ".gpt"],
    ["space", "gpt 4o"],
    ["tab", "gpt-4o\t"],
    ["newline", "gpt-4o\nx"],
    ["control char", "gpt-4o\u0000"],
    ["zero-width space", "gpt\u200b-4o"],
    ["zero-width joiner", "gpt-4o\u200d"],
    ["BOM", "\ufeffgpt-4o"],
    ["non-ASCII letter", "gpt-4ö"],
    ["query", "gpt-4o?x=1"],
    ["fragment", "gpt-4o#x"],
    ["backslash", "gpt\\4o"],
  ])("refuses %s", (_what, name) => {
    expect(findModelNameProblem(name)).toEqual(expect.any(String));
  });
});
