import { describe, expect, it } from "vitest";
import { fixtureJson, fixtureText } from "../../tests/fakes/test-helpers";
import { shapeDiff } from "../../tests/fakes/shape";
import { anthropicAdapter } from "./anthropic";
import { mapAnthropicStopReason, readAnthropicUsage } from "./anthropic-response";
import { openaiCompletionSchema } from "./test-support";

const parse = (body: unknown) => anthropicAdapter.parseResponse({ body, model: "claude-sonnet-4-5", id: "chatcmpl-1", created: 1700000000 });

describe("anthropicAdapter.parseResponse", () => {
  it("turns the reference Message into OpenAI's chat.completion shape, usage with cache reads and writes", () => {
    const { completion, usage } = parse(fixtureJson("anthropic", "messages-response.json"));
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
    expect(shapeDiff(fixtureJson("openai", "chat-response.json"), completion, {
      optional: ["$.service_tier", "$.usage.prompt_tokens_details.audio_tokens", "$.usage.completion_tokens_details.audio_tokens", "$.usage.completion_tokens_details.accepted_prediction_tokens", "$.usage.completion_tokens_details.rejected_prediction_tokens"],
    })).toEqual([]);
    expect(completion).toMatchObject({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1700000000,
      model: "claude-sonnet-4-5",
      choices: [{ index: 0, message: { role: "assistant", content: "Hi! My name is Claude.", refusal: null }, logprobs: null, finish_reason: "stop" }],
      usage: { prompt_tokens: 2095 + 2051 + 2051, completion_tokens: 503, total_tokens: 6197 + 503, prompt_tokens_details: { cached_tokens: 2051 } },
    });
    expect(usage).toEqual({ inputTokens: 6197, outputTokens: 503, cachedInputTokens: 2051, cacheWriteTokens: 2051, reasoningTokens: 0 });
  });

  it("turns tool_use blocks into tool_calls with JSON arguments", () => {
    const { completion } = parse(fixtureJson("anthropic", "tools-response.json"));
    const choice = completion.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    expect(choice?.message.content).toBe("I'll check the current weather in San Francisco for you.");
    expect(choice?.message.tool_calls).toEqual([
      { id: "toolu_01A09q90qw90lq917835lq9", type: "function", function: { name: "get_weather", arguments: '{"location":"San Francisco, CA","unit":"celsius"}' } },
    ]);
    const only = parse({ content: [{ type: "thinking", thinking: "hmm", signature: "x" }, { type: "tool_use", id: "t", name: "f", input: {} }], stop_reason: "tool_use", usage: {} });
    expect(only.completion.choices[0]?.message.content).toBeNull();
  });

  it.each([
    ["end_turn", "stop"],
    ["stop_sequence", "stop"],
    ["pause_turn", "stop"],
    ["max_tokens", "length"],
    ["model_context_window_exceeded", "length"],
    ["tool_use", "tool_calls"],
    ["refusal", "content_filter"],
    [null, "stop"],
    ["toString", "stop"],
  ])("maps stop_reason %s to %s", (reason, finish) => {
    expect(mapAnthropicStopReason(reason)).toBe(finish);
  });

  it("refuses a body that is not a Message", () => {
    expect(() => parse(JSON.parse(fixtureText("anthropic", "error.json")))).toThrow(/content/);
    expect(() => parse("nope")).toThrow();
  });
});

describe("readAnthropicUsage", () => {
  it("reads the 1-hour share of the cache writes and the thinking tokens inside the output", () => {
    const usage = readAnthropicUsage({
      input_tokens: 10,
      cache_creation_input_tokens: 300,
      cache_read_input_tokens: 50,
      cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 200 },
      output_tokens: 40,
      output_tokens_details: { thinking_tokens: 25 },
    });
    expect(usage).toEqual({ inputTokens: 360, outputTokens: 40, cachedInputTokens: 50, cacheWriteTokens: 300, cacheWrite1hTokens: 200, reasoningTokens: 25 });
  });
  it("never counts more 1-hour writes than writes, and leaves the field out when there are none", () => {
    expect(readAnthropicUsage({ input_tokens: 1, cache_creation_input_tokens: 5, cache_creation: { ephemeral_1h_input_tokens: 9 }, output_tokens: 1 }).cacheWrite1hTokens).toBe(5);
    expect(readAnthropicUsage({ input_tokens: 1, output_tokens: 1, cache_creation: null })).not.toHaveProperty("cacheWrite1hTokens");
  });
});

describe("anthropicAdapter.parseError", () => {
  const KEY = "sk-ant-api03-secretsecret0123";

  it("maps the documented error shape, naming Anthropic", () => {
    expect(anthropicAdapter.parseError({ status: 404, bodyText: fixtureText("anthropic", "error.json") })).toEqual({
      status: 404,
      type: "invalid_request_error",
      code: null,
      param: null,
      message: "Anthropic error (HTTP 404): The requested resource could not be found.",
    });
    const overloaded = JSON.stringify({ type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
    expect(anthropicAdapter.parseError({ status: 529, bodyText: overloaded })).toMatchObject({ status: 503, code: "upstream_overloaded" });
  });

  it("scrubs an echoed key from a 401", () => {
    const bodyText = JSON.stringify({ type: "error", error: { type: "authentication_error", message: `invalid x-api-key: ${KEY}` } });
    const error = anthropicAdapter.parseError({ status: 401, bodyText, secrets: [KEY] });
    expect(error).toMatchObject({ status: 401, code: "provider_key_invalid" });
    expect(error.message).not.toContain(KEY);
    expect(error.message).toContain("Anthropic rejected the API key");
  });
});
