import { describe, expect, it } from "vitest";
import { resolveModel } from "./routing";

describe("resolveModel", () => {
  it.each([
    ["gpt-4o", "openai", "gpt-4o"],
    ["gpt-4.1-mini", "openai", "gpt-4.1-mini"],
    ["chatgpt-4o-latest", "openai", "chatgpt-4o-latest"],
    ["o1", "openai", "o1"],
    ["o1-mini", "openai", "o1-mini"],
    ["o3", "openai", "o3"],
    ["o4-mini", "openai", "o4-mini"],
    ["o5-preview", "openai", "o5-preview"],
    ["claude-sonnet-4-5-20250929", "anthropic", "claude-sonnet-4-5-20250929"],
    ["claude-3-5-haiku-latest", "anthropic", "claude-3-5-haiku-latest"],
    ["gemini-2.5-flash", "gemini", "gemini-2.5-flash"],
    ["gemini-3-pro-preview", "gemini", "gemini-3-pro-preview"],
    ["mistral-large-latest", "mistral", "mistral-large-latest"],
    ["codestral-latest", "mistral", "codestral-latest"],
    ["llama-3.3-70b-versatile", "groq", "llama-3.3-70b-versatile"],
    ["grok-4.3", "xai", "grok-4.3"],
    ["deepseek-chat", "deepseek", "deepseek-chat"],
    ["accounts/fireworks/models/gpt-oss-120b", "fireworks", "accounts/fireworks/models/gpt-oss-120b"],
    ["zai-glm-4.7", "cerebras", "zai-glm-4.7"],
    ["sonar-pro", "perplexity", "sonar-pro"],
    ["groq/openai/gpt-oss-120b", "groq", "openai/gpt-oss-120b"],
    ["openrouter/anthropic/claude-sonnet-4.5", "openrouter", "anthropic/claude-sonnet-4.5"],
    ["openrouter/meta-llama/llama-3.3-70b-instruct:free", "openrouter", "meta-llama/llama-3.3-70b-instruct:free"],
    ["together/meta-llama/Llama-3.3-70B-Instruct-Turbo", "together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"],
    ["cerebras/gpt-oss-120b", "cerebras", "gpt-oss-120b"],
    ["openai/gpt-oss-120b", "openai", "gpt-oss-120b"],
  ])("routes %s to %s", (model, provider, upstreamModel) => {
    expect(resolveModel(model)).toEqual({ provider, upstreamModel });
  });

  it("lets an explicit provider prefix win and strips it", () => {
    expect(resolveModel("anthropic/claude-sonnet-4-5")).toEqual({ provider: "anthropic", upstreamModel: "claude-sonnet-4-5" });
    expect(resolveModel("openai/claude-lookalike")).toEqual({ provider: "openai", upstreamModel: "claude-lookalike" });
    expect(resolveModel("gemini/gemma-3-27b-it")).toEqual({ provider: "gemini", upstreamModel: "gemma-3-27b-it" });
    expect(resolveModel("openai/ft:gpt-4o-mini:org::x")).toEqual({ provider: "openai", upstreamModel: "ft:gpt-4o-mini:org::x" });
  });

  it.each(["llama-3", "mistralai", "omni", "o-mini", "GPT-4o", "claude", "gemini", "azure/gpt-4o", "constructor/x", "openai/", "openai/a/b", "mistral/a/b", "/gpt-4o", "", "gpt-oss-120b", "meta-llama/Llama-3.3-70B-Instruct-Turbo"])(
    "routes %j nowhere",
    (model) => {
      expect(resolveModel(model)).toBeNull();
    },
  );
});
