import { describe, expect, it } from "vitest";
import { policyModelsFromInput } from "./policy-models";

describe("policyModelsFromInput", () => {
  it("takes off the prefix of a granted provider, as the gateway compares upstream ids", () => {
    expect(policyModelsFromInput({ text: "groq/llama-3.3-70b-versatile, gpt-4o-mini", providers: ["groq", "openai"] })).toEqual(["llama-3.3-70b-versatile", "gpt-4o-mini"]);
    expect(policyModelsFromInput({ text: "openrouter/openai/gpt-4o", providers: ["openrouter"] })).toEqual(["openai/gpt-4o"]);
  });

  it("keeps ids whose first part is not a granted provider (Groq's own openai/gpt-oss-120b)", () => {
    expect(policyModelsFromInput({ text: "openai/gpt-oss-120b", providers: ["groq"] })).toEqual(["openai/gpt-oss-120b"]);
    expect(policyModelsFromInput({ text: "meta-llama/llama-4-scout-17b-16e-instruct", providers: ["groq"] })).toEqual(["meta-llama/llama-4-scout-17b-16e-instruct"]);
  });

  it("does not strip a prefix whose provider has no nested ids, and drops repeats", () => {
    expect(policyModelsFromInput({ text: "mistral/a/b mistral-small-latest mistral/mistral-small-latest", providers: ["mistral"] })).toEqual(["mistral/a/b", "mistral-small-latest"]);
  });
});
