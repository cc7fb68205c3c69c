import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeGemini } from "../../../tests/fakes/gemini";
import { fakeBasePath, startFakeCompatible, startFakeOpenAI } from "../../../tests/fakes/openai";
import type { FakeServer } from "../../../tests/fakes/types";
import type { ProviderId } from "../../providers/types";
import { createFakeWorld, makeConnection, policyOf, type FakeWorld } from "../test-support";
import { routeEmbeddingModel } from "./embedding-price";
import { handleEmbeddings } from "./embeddings-endpoint";

// POST /v1/embeddings through the pipeline to the fakes over HTTP: OpenAI's passed on, Mistral's
// with its own field names, Gemini's translated to batchEmbedContents and back.

const MISTRAL_KEY = "M".repeat(32);
let openai: FakeServer;
let gemini: FakeServer;
let mistral: FakeServer;

beforeAll(async () => {
  [openai, gemini, mistral] = await Promise.all([startFakeOpenAI(), startFakeGemini(), startFakeCompatible("mistral")]);
});
afterAll(() => Promise.all([openai.close(), gemini.close(), mistral.close()]));

function setUp(provider: ProviderId, secret: string, budgetUsd: number | null = 10): { world: FakeWorld; token: string } {
  const connection = makeConnection({ policy: policyOf({ providers: [provider], budgetUsd }), provider, secret });
  const bases: Record<string, string> = { "https://openai.test/v1": `${openai.url}/v1`, "https://gemini.test": gemini.url, "https://mistral.test": `${mistral.url}${fakeBasePath("mistral")}` };
  const world = createFakeWorld({
    connection,
    fetch: (url, init) => {
      const base = Object.keys(bases).find((b) => url.startsWith(b))!;
      return fetch(bases[base] + url.slice(base.length), init);
    },
  });
  return { world, token: connection.token };
}

const embed = (w: FakeWorld, token: string, body: unknown) =>
  handleEmbeddings({ request: new Request("https://relay.test/v1/embeddings", { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) }), deps: w.deps });

type List = { object: string; data: { embedding: number[] | string; index: number }[]; model: string; usage: { prompt_tokens: number } };

describe("POST /v1/embeddings", () => {
  it("routes bare embedding model names to the one provider that prices them", () => {
    expect(routeEmbeddingModel("text-embedding-3-small")).toBe("openai/text-embedding-3-small");
    expect(routeEmbeddingModel("gemini-embedding-001")).toBe("gemini/gemini-embedding-001");
    expect(routeEmbeddingModel("openrouter/openai/text-embedding-3-small")).toBe("openrouter/openai/text-embedding-3-small");
  });

  it("passes OpenAI's on, base64 as asked, and settles the prompt tokens at the embedding rate", async () => {
    const { world: w, token } = setUp("openai", "sk-proj-fake");
    const response = await embed(w, token, { model: "text-embedding-3-small", input: ["hello world", "three more words"], encoding_format: "base64", user: "u1" });
    expect(response.status).toBe(200);
    const list = (await response.json()) as List;
    expect(list.data).toHaveLength(2);
    expect(typeof list.data[0]!.embedding).toBe("string");
    expect(openai.received.at(-1)!.json).toEqual({ model: "text-embedding-3-small", input: ["hello world", "three more words"], encoding_format: "base64", user: "u1" });
    await w.drain();
    expect(w.calls.admit[0]!.request).toMatchObject({ provider: "openai", model: "text-embedding-3-small" });
    expect(w.calls.finish[0]!.entry).toMatchObject({ status: 200, inputTokens: 5, outputTokens: 0, costMicroUsd: 1 });
  });

  it("translates Gemini's: batchEmbedContents upstream, OpenAI's list back, dimensions as outputDimensionality", async () => {
    const { world: w, token } = setUp("gemini", "AIzaFakeGeminiKey0123456789");
    const response = await embed(w, token, { model: "gemini-embedding-001", input: "hello world", dimensions: 5 });
    const list = (await response.json()) as List;
    expect(list).toMatchObject({ object: "list", model: "gemini-embedding-001", usage: { prompt_tokens: 2 } });
    expect(list.data[0]!.embedding).toHaveLength(5);
    const upstream = gemini.received.at(-1)!;
    expect(upstream.path).toBe("/v1beta/models/gemini-embedding-001:batchEmbedContents");
    expect(upstream.json).toEqual({ requests: [{ model: "models/gemini-embedding-001", content: { parts: [{ text: "hello world" }] }, outputDimensionality: 5 }] });
    const tokens = await embed(w, token, { model: "gemini-embedding-001", input: [1, 2, 3] });
    expect(tokens.status).toBe(400);
  });

  it("sends Mistral its own field name, and asks admission with no price for a model the table lacks (refused under a budget)", async () => {
    const { world: w, token } = setUp("mistral", MISTRAL_KEY);
    const response = await embed(w, token, { model: "mistral-embed", input: "hello", dimensions: 3 });
    expect(response.status).toBe(200);
    expect(mistral.received.at(-1)!.json).toEqual({ model: "mistral-embed", input: "hello", output_dimension: 3 });
    await embed(w, token, { model: "mistral/mistral-embed-9000", input: "hello" });
    expect(w.calls.admit.map((a) => a.request!.costMicroUsd === null)).toEqual([false, true]);
  });

  it("refuses a provider that offers no embeddings, and a bad input, in OpenAI's shape", async () => {
    const { world: w, token } = setUp("openai", "sk-proj-fake");
    const claude = await embed(w, token, { model: "claude-haiku-4-5", input: "x" });
    expect(claude.status).toBe(400);
    const bad = await embed(w, token, { model: "text-embedding-3-small", input: [] });
    expect(bad.status).toBe(400);
    expect(Object.keys(((await bad.json()) as { error: object }).error).sort()).toEqual(["code", "message", "param", "type"]);
  });
});
