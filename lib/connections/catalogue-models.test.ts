import { describe, expect, it } from "vitest";
import { describeUnknownModels, findUnknownModels, nearestCatalogueModel } from "./catalogue-models";

describe("policy models come from the catalogue", () => {
  it("knows priced models of the granted providers, aliases and dated snapshots included", () => {
    expect(findUnknownModels({ models: ["gpt-4o-mini", "gpt-4o-mini-2024-07-18"], providers: ["openai"] })).toEqual([]);
    expect(findUnknownModels({ models: ["llama-3.3-70b-versatile"], providers: ["groq"] })).toEqual([]);
    expect(findUnknownModels({ models: ["claude-haiku-4-5"], providers: ["openai"] })).toEqual(["claude-haiku-4-5"]);
    expect(findUnknownModels({ models: ["gpt-4o-mni"], providers: ["openai", "anthropic"] })).toEqual(["gpt-4o-mni"]);
  });

  it("suggests the nearest catalogue name for a typo", () => {
    expect(nearestCatalogueModel({ model: "gpt-4o-mni", providers: ["openai"] })).toBe("gpt-4o-mini");
    expect(nearestCatalogueModel({ model: "something-else-entirely", providers: ["openai"] })).toBeNull();
  });

  it("says so in a sentence", () => {
    expect(describeUnknownModels({ models: ["gpt-4o-mini"], providers: ["openai"] })).toBeNull();
    expect(describeUnknownModels({ models: ["gpt-4o-mni", "nope"], providers: ["openai"] })).toBe(
      "The model “gpt-4o-mni” (and 1 more) is not in 1Relay's catalogue for the providers of this connection, so no request could use it. Did you mean “gpt-4o-mini”?",
    );
  });
});
