import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../tests/fakes/test-helpers";
import { geminiAdapter } from "./gemini";
import { mapGeminiFinishReason } from "./gemini-response";
import { openaiCompletionSchema } from "./test-support";
import { readToolCallSignature } from "./tool-call-id";

const parse = (body: unknown) => geminiAdapter.parseResponse({ body, model: "gemini-2.5-flash", id: "chatcmpl-g", created: 9 });

describe("geminiAdapter.parseResponse", () => {
  it("turns a recorded response into chat.completion", () => {
    const { completion, usage } = parse(fixtureJson("gemini", "generate-response.json"));
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(completion).toMatchObject({
      id: "chatcmpl-g",
      object: "chat.completion",
      created: 9,
      model: "gemini-2.5-flash",
      choices: [{ index: 0, message: { role: "assistant", content: "Google's headquarters, also known as the Googleplex, is located in **Mountain View, California**.\n" }, finish_reason: "stop" }],
      usage: { prompt_tokens: 7, completion_tokens: 22, total_tokens: 29 },
    });
    expect(usage).toEqual({ inputTokens: 7, outputTokens: 22, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
  });

  it("counts cached and thinking tokens", () => {
    const { usage, completion } = parse(fixtureJson("gemini", "cached-response.json"));
    expect(usage).toEqual({ inputTokens: 12013, outputTokens: 15 + 73, cachedInputTokens: 11243, cacheWriteTokens: 0, reasoningTokens: 73 });
    expect(completion.usage).toMatchObject({ prompt_tokens_details: { cached_tokens: 11243 }, completion_tokens_details: { reasoning_tokens: 73 } });
  });

  it("turns a functionCall into a tool call carrying its thought signature, skipping thought text", () => {
    const body = fixtureJson<{ candidates: { content: { parts: { thoughtSignature?: string }[] } }[] }>("gemini", "function-call-response.json");
    const { completion, usage } = parse(body);
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBeNull();
    expect(choice?.message.tool_calls).toHaveLength(1);
    const call = choice?.message.tool_calls?.[0];
    expect(call?.function).toEqual({ name: "now", arguments: "{}" });
    expect(readToolCallSignature(call?.id ?? "")).toBe(body.candidates[0]?.content.parts[1]?.thoughtSignature);
    expect(usage).toMatchObject({ inputTokens: 38, outputTokens: 8 + 501, reasoningTokens: 501 });
  });

  it("maps several candidates to several choices", () => {
    const candidate = (index: number, text: string) => ({ index, content: { role: "model", parts: [{ text }] }, finishReason: "STOP" });
    const { completion } = parse({ candidates: [candidate(0, "a"), candidate(1, "b")], usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 2 } });
    expect(completion.choices.map((c) => [c.index, c.message.content])).toEqual([[0, "a"], [1, "b"]]);
  });

  it("answers a blocked prompt with one content_filter choice", () => {
    const { completion } = parse({ promptFeedback: { blockReason: "SAFETY" }, usageMetadata: { promptTokenCount: 4 } });
    expect(completion.choices).toEqual([{ index: 0, message: { role: "assistant", content: "", refusal: null, annotations: [] }, logprobs: null, finish_reason: "content_filter" }]);
  });

  it.each([
    ["STOP", false, "stop"],
    ["STOP", true, "tool_calls"],
    ["MAX_TOKENS", false, "length"],
    ["MAX_TOKENS", true, "length"],
    ["SAFETY", false, "content_filter"],
    ["RECITATION", false, "content_filter"],
    ["BLOCKLIST", false, "content_filter"],
    ["PROHIBITED_CONTENT", false, "content_filter"],
    ["SPII", false, "content_filter"],
    ["IMAGE_SAFETY", false, "content_filter"],
    ["MALFORMED_FUNCTION_CALL", false, "stop"],
    ["OTHER", false, "stop"],
    [undefined, false, "stop"],
  ])("maps finishReason %s (tool calls: %s) to %s", (reason, hasToolCalls, finish) => {
    expect(mapGeminiFinishReason({ reason, hasToolCalls })).toBe(finish);
  });

  it("refuses a body that is not a GenerateContentResponse", () => {
    expect(() => parse([1, 2])).toThrow(/GenerateContentResponse/);
  });
});

describe("geminiAdapter.parseError", () => {
  it("maps Google's 400 API_KEY_INVALID to 401 and drops the echoed key", () => {
    const body = fixtureJson<{ error: { details: { detail?: string }[] } }>("gemini", "error-api-key.json");
    const error = geminiAdapter.parseError({ status: 400, bodyText: JSON.stringify(body), secrets: ["key1234"] });
    expect(error).toEqual({
      status: 401,
      type: "authentication_error",
      code: "provider_key_invalid",
      param: null,
      message: "Gemini rejected the API key stored for this connection: API key not valid. Please pass a valid API key.",
    });
  });

  it("maps RESOURCE_EXHAUSTED and server errors", () => {
    const quota = JSON.stringify({ error: { code: 429, message: "You exceeded your current quota", status: "RESOURCE_EXHAUSTED" } });
    expect(geminiAdapter.parseError({ status: 429, bodyText: quota })).toMatchObject({ status: 429, type: "rate_limit_error", message: "Gemini error (HTTP 429): You exceeded your current quota" });
    const down = JSON.stringify({ error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } });
    expect(geminiAdapter.parseError({ status: 503, bodyText: down })).toMatchObject({ status: 503, code: "upstream_overloaded" });
  });
});
