import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../tests/fakes/test-helpers";
import { parseChatRequest, type ParseChatRequestResult } from "./chat-request";

const base = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }] };

function ok(body: Record<string, unknown>) {
  const result = parseChatRequest(body);
  if (!result.ok) throw new Error(`expected a valid request, got ${result.param}: ${result.message}`);
  return result.request;
}

function bad(body: unknown): Extract<ParseChatRequestResult, { ok: false }> {
  const result = parseChatRequest(body);
  if (result.ok) throw new Error("expected an invalid request");
  return result;
}

const png = "data:image/png;base64,iVBORw0KGgo=";

describe("parseChatRequest accepts OpenAI's documented request", () => {
  it("accepts the reference examples", () => {
    for (const name of ["chat-request.json", "chat-stream-request.json", "tools-request.json"]) {
      expect(parseChatRequest(fixtureJson("openai", name)).ok).toBe(true);
    }
  });

  it("accepts every message role and content form", () => {
    const request = ok({
      model: "gpt-4o",
      messages: [
        { role: "system", content: "Be brief.", name: "rules" },
        { role: "developer", content: [{ type: "text", text: "Use JSON." }] },
        {
          role: "user",
          name: "ada",
          content: [
            { type: "text", text: "What is this?" },
            { type: "image_url", image_url: { url: "https://example.com/cat.png", detail: "low" } },
            { type: "image_url", image_url: { url: png } },
          ],
        },
        { role: "assistant", content: null, tool_calls: [{ id: "call_1", type: "function", function: { name: "look", arguments: "{}" } }] },
        { role: "tool", tool_call_id: "call_1", content: [{ type: "text", text: "a cat" }] },
        { role: "assistant", content: [{ type: "text", text: "A cat." }], refusal: null },
        { role: "assistant", content: [{ type: "refusal", refusal: "No." }] },
      ],
    });
    expect(request.messages).toHaveLength(7);
  });

  it("accepts every documented option with its type", () => {
    const request = ok({
      ...base,
      tools: [
        {
          type: "function",
          function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: {} }, strict: true },
        },
      ],
      tool_choice: { type: "function", function: { name: "get_weather" } },
      parallel_tool_calls: false,
      response_format: { type: "json_schema", json_schema: { name: "answer", schema: { type: "object" }, strict: true, description: "x" } },
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 100,
      max_completion_tokens: 200,
      stop: ["END", "STOP"],
      seed: 42,
      n: 2,
      frequency_penalty: -1,
      presence_penalty: 1.5,
      logit_bias: { "50256": -100 },
      logprobs: true,
      top_logprobs: 5,
      reasoning_effort: "low",
      verbosity: "low",
      service_tier: "flex",
      user: "user-1",
      safety_identifier: "hash-1",
      prompt_cache_key: "k",
      metadata: { team: "a" },
      store: false,
      stream: true,
      stream_options: { include_usage: true },
    });
    expect(request).toMatchObject({ n: 2, stop: ["END", "STOP"], stream_options: { include_usage: true } });
  });

  it.each([
    ["none", "none"],
    ["auto", "auto"],
    ["required", "required"],
  ])("accepts tool_choice %s", (_name, choice) => {
    const tools = [{ type: "function", function: { name: "f" } }];
    expect(ok({ ...base, tools, tool_choice: choice }).tool_choice).toBe(choice);
  });

  it("accepts response_format text and json_object, and stop as a string", () => {
    expect(ok({ ...base, response_format: { type: "text" } }).response_format).toEqual({ type: "text" });
    expect(ok({ ...base, response_format: { type: "json_object" } }).response_format).toEqual({ type: "json_object" });
    expect(ok({ ...base, stop: "END" }).stop).toBe("END");
  });

  it("treats top-level nulls as absent", () => {
    const request = ok({ ...base, temperature: null, tools: null, stream_options: null, user: null });
    expect(request).not.toHaveProperty("temperature");
    expect(request).not.toHaveProperty("stream_options");
  });
});

describe("parseChatRequest refuses, naming the field OpenAI-style", () => {
  it("names an unknown top-level field", () => {
    expect(bad({ ...base, foo: 1 })).toMatchObject({ param: "foo", message: "Unrecognized request argument supplied: foo" });
  });

  it("names an unknown nested field with its path", () => {
    const body = { ...base, messages: [{ role: "user", content: "Hi" }, { role: "user", content: "x", extra: true }] };
    expect(bad(body)).toMatchObject({ param: "messages[1].extra" });
    const part = { ...base, messages: [{ role: "user", content: [{ type: "text", text: "x", cache_control: {} }] }] };
    expect(bad(part).param).toBe("messages[0].content[0].cache_control");
  });

  it.each(["api_base", "base_url", "baseURL", "api_key", "apiKey", "extra_headers", "extra_body", "extra_query", "headers", "api-version"])(
    "refuses the passthrough field %s with a clear message",
    (field) => {
      const result = bad({ ...base, [field]: "https://evil.example" });
      expect(result.param).toBe(field);
      expect(result.message).toContain("not accepted");
      expect(result.message).toContain("cannot be set per request");
    },
  );

  it.each(["audio", "modalities", "prediction", "web_search_options", "functions", "function_call"])("refuses the unsupported OpenAI field %s", (field) => {
    expect(bad({ ...base, [field]: {} })).toMatchObject({ param: field, code: "unsupported_parameter" });
  });

  it("refuses a body that is not an object", () => {
    expect(bad([base]).param).toBeNull();
    expect(bad("hi").param).toBeNull();
  });

  it.each([
    [{ messages: base.messages }, "model"],
    [{ model: "gpt-4o" }, "messages"],
    [{ model: "gpt-4o", messages: [] }, "messages"],
    [{ ...base, model: "https://evil.example/v1" }, "model"],
    [{ ...base, model: "gpt-4o/../x" }, "model"],
    [{ ...base, model: "gpt\u200b4o" }, "model"],
    [{ ...base, messages: [{ role: "function", content: "x", name: "f" }] }, "messages[0].role"],
    [{ ...base, messages: [{ role: "user", content: 5 }] }, "messages[0].content"],
    [{ ...base, messages: [{ role: "user", content: [] }] }, "messages[0].content"],
    [{ ...base, messages: [{ role: "user", content: [{ type: "input_audio", input_audio: {} }] }] }, "messages[0].content[0].type"],
    [{ ...base, messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "file:///etc/passwd" } }] }] }, "messages[0].content[0].image_url.url"],
    [{ ...base, messages: [{ role: "assistant" }] }, "messages[0].content"],
    [{ ...base, messages: [{ role: "tool", content: "x" }] }, "messages[0].tool_call_id"],
    [{ ...base, messages: [{ role: "system", content: [{ type: "image_url", image_url: { url: png } }] }] }, "messages[0].content[0].type"],
    [{ ...base, temperature: 3 }, "temperature"],
    [{ ...base, temperature: "hot" }, "temperature"],
    [{ ...base, top_p: 1.5 }, "top_p"],
    [{ ...base, max_tokens: 0 }, "max_tokens"],
    [{ ...base, max_completion_tokens: 1.5 }, "max_completion_tokens"],
    [{ ...base, n: 0 }, "n"],
    [{ ...base, seed: 1.5 }, "seed"],
    [{ ...base, stop: ["a", "b", "c", "d", "e"] }, "stop"],
    [{ ...base, stop: 7 }, "stop"],
    [{ ...base, frequency_penalty: 3 }, "frequency_penalty"],
    [{ ...base, logit_bias: { abc: 1 } }, "logit_bias.abc"],
    [{ ...base, top_logprobs: 21 }, "top_logprobs"],
    [{ ...base, reasoning_effort: "max" }, "reasoning_effort"],
    [{ ...base, service_tier: "gold" }, "service_tier"],
    [{ ...base, metadata: Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, "v"])) }, "metadata"],
    [{ ...base, user: "u".repeat(257) }, "user"],
    [{ ...base, stream: "yes" }, "stream"],
    [{ ...base, stream_options: { include_usage: true } }, "stream_options"],
    [{ ...base, stream: true, stream_options: { include_usage: "yes" } }, "stream_options.include_usage"],
    [{ ...base, tools: [{ type: "function", function: { name: "has space" } }] }, "tools[0].function.name"],
    [{ ...base, tools: [{ type: "custom", custom: { name: "x" } }] }, "tools[0].type"],
    [{ ...base, tool_choice: "auto" }, "tool_choice"],
    [{ ...base, tools: [{ type: "function", function: { name: "f" } }], tool_choice: "always" }, "tool_choice"],
    [{ ...base, tools: [{ type: "function", function: { name: "f" } }], tool_choice: { type: "function", function: {} } }, "tool_choice.function.name"],
    [{ ...base, response_format: { type: "xml" } }, "response_format.type"],
    [{ ...base, response_format: { type: "json_schema", json_schema: { schema: {} } } }, "response_format.json_schema.name"],
    [{ ...base, messages: Array.from({ length: 1025 }, () => ({ role: "user", content: "x" })) }, "messages"],
  ])("refuses %j at %s", (body, param) => {
    const result = bad(body);
    expect(result.param).toBe(param);
    expect(result.message).toContain(param);
  });

  it("says which parameter is missing", () => {
    expect(bad({ ...base, messages: [{ role: "tool", content: "x" }] }).message).toBe("Missing required parameter: 'messages[0].tool_call_id'.");
  });
});
