import { describe, expect, it } from "vitest";
import { isGatewayRequestError } from "../chat-api/gateway-request-error";
import { anthropicAdapter } from "./anthropic";
import { chatRequest } from "./test-support";

const KEY = "sk-ant-api03-test0123456789";
const build = (body: Record<string, unknown>, upstreamModel = "claude-sonnet-4-5") =>
  anthropicAdapter.buildRequest({ request: chatRequest({ model: `anthropic/${upstreamModel}`, ...body }), upstreamModel, apiKey: KEY, baseUrl: "https://api.anthropic.com/" });
const bodyOf = (body: Record<string, unknown>, upstreamModel?: string) => JSON.parse(build(body, upstreamModel).body);
const user = (content: unknown) => ({ role: "user", content });
const png = "data:image/png;base64,iVBORw0KGgo=";

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isGatewayRequestError(error)) return error;
    throw error;
  }
  throw new Error("expected a GatewayRequestError");
}

describe("anthropicAdapter.buildRequest", () => {
  it("posts to /v1/messages with x-api-key and anthropic-version, the key nowhere else", () => {
    const built = build({ messages: [user("Hi")] });
    expect(built.url).toBe("https://api.anthropic.com/v1/messages");
    expect(built.headers).toEqual({ "x-api-key": KEY, "anthropic-version": "2023-06-01", "content-type": "application/json", accept: "application/json" });
    expect(built.body).not.toContain(KEY);
    expect(JSON.parse(built.body)).toEqual({ model: "claude-sonnet-4-5", max_tokens: 8192, messages: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] });
  });

  it("moves system and developer messages to system, keeps the turns and merges same-role ones", () => {
    const body = bodyOf({
      messages: [
        { role: "system", content: "Be brief." },
        user("One"),
        { role: "developer", content: [{ type: "text", text: "Answer in " }, { type: "text", text: "French." }] },
        user([{ type: "text", text: "Two" }]),
        { role: "assistant", content: "Deux", name: "bot" },
        user("Three"),
      ],
    });
    expect(body.system).toEqual([{ type: "text", text: "Be brief." }, { type: "text", text: "Answer in French." }]);
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "One" }, { type: "text", text: "Two" }] },
      { role: "assistant", content: [{ type: "text", text: "Deux" }] },
      { role: "user", content: [{ type: "text", text: "Three" }] },
    ]);
  });

  it("turns image parts into base64 and url sources", () => {
    const body = bodyOf({
      messages: [user([{ type: "text", text: "Compare" }, { type: "image_url", image_url: { url: png, detail: "high" } }, { type: "image_url", image_url: { url: "https://example.com/a.jpg" } }])],
    });
    expect(body.messages[0].content).toEqual([
      { type: "text", text: "Compare" },
      { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
      { type: "image", source: { type: "url", url: "https://example.com/a.jpg" } },
    ]);
  });

  it("refuses images Anthropic cannot read, naming the part", () => {
    const bmp = thrown(() => build({ messages: [user([{ type: "image_url", image_url: { url: "data:image/bmp;base64,Qk0=" } }])] }));
    expect(bmp).toMatchObject({ param: "messages[0].content[0].image_url.url" });
    expect(bmp.message).toContain("image/bmp");
    const notBase64 = thrown(() => build({ messages: [user("x"), user([{ type: "image_url", image_url: { url: "data:image/png,raw" } }])] }));
    expect(notBase64.param).toBe("messages[1].content[0].image_url.url");
  });

  it("round-trips tool calls and tool results (results merged, first in their user turn)", () => {
    const body = bodyOf({
      messages: [
        user("Weather in Paris and Rome?"),
        {
          role: "assistant",
          content: "Checking.",
          tool_calls: [
            { id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
            { id: "call:2", type: "function", function: { name: "get_weather", arguments: "" } },
          ],
        },
        { role: "tool", tool_call_id: "toolu_1", content: "18C" },
        { role: "tool", tool_call_id: "call:2", content: [{ type: "text", text: "21C" }] },
        user("Thanks"),
      ],
    });
    expect(body.messages).toEqual([
      { role: "user", content: [{ type: "text", text: "Weather in Paris and Rome?" }] },
      {
        role: "assistant",
        content: [
          { type: "text", text: "Checking." },
          { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } },
          { type: "tool_use", id: "call_2", name: "get_weather", input: {} },
        ],
      },
      {
        role: "user",
        content: [
          { type: "tool_result", tool_use_id: "toolu_1", content: "18C" },
          { type: "tool_result", tool_use_id: "call_2", content: "21C" },
          { type: "text", text: "Thanks" },
        ],
      },
    ]);
  });

  it("puts tool results first in a user turn even when the user spoke in between", () => {
    const body = bodyOf({
      messages: [
        user("x"),
        { role: "assistant", tool_calls: [{ id: "t1", type: "function", function: { name: "f", arguments: "{}" } }] },
        user("Also this"),
        { role: "tool", tool_call_id: "t1", content: "done" },
      ],
    });
    expect(body.messages[2].content).toEqual([{ type: "tool_result", tool_use_id: "t1", content: "done" }, { type: "text", text: "Also this" }]);
  });

  it("refuses tool call arguments that are not a JSON object", () => {
    const call = (args: string) => ({ role: "assistant", tool_calls: [{ id: "t", type: "function", function: { name: "f", arguments: args } }] });
    expect(thrown(() => build({ messages: [user("x"), call("[1,2]")] })).param).toBe("messages[1].tool_calls[0].function.arguments");
    expect(thrown(() => build({ messages: [user("x"), call("{oops")] })).param).toBe("messages[1].tool_calls[0].function.arguments");
  });

  it("translates tools and every tool_choice, with parallel_tool_calls: false", () => {
    const tools = [
      { type: "function", function: { name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } }, strict: true } },
      { type: "function", function: { name: "now" } },
    ];
    const body = bodyOf({ messages: [user("x")], tools });
    expect(body.tools).toEqual([
      { name: "get_weather", description: "Weather", input_schema: { type: "object", properties: { city: { type: "string" } } } },
      { name: "now", input_schema: { type: "object", properties: {} } },
    ]);
    expect(body).not.toHaveProperty("tool_choice");
    const choice = (tool_choice: unknown, extra: Record<string, unknown> = {}) => bodyOf({ messages: [user("x")], tools, tool_choice, ...extra }).tool_choice;
    expect(choice("none")).toEqual({ type: "none" });
    expect(choice("auto")).toEqual({ type: "auto" });
    expect(choice("required")).toEqual({ type: "any" });
    expect(choice({ type: "function", function: { name: "now" } })).toEqual({ type: "tool", name: "now" });
    expect(choice("required", { parallel_tool_calls: false })).toEqual({ type: "any", disable_parallel_tool_use: true });
    expect(bodyOf({ messages: [user("x")], tools, parallel_tool_calls: false }).tool_choice).toEqual({ type: "auto", disable_parallel_tool_use: true });
  });

  it("maps the sampling options and the end-user id", () => {
    const body = bodyOf({ messages: [user("x")], temperature: 0.3, top_p: 0.8, stop: "END", max_completion_tokens: 50, max_tokens: 9, user: "u-1", seed: 5, stream: true, stream_options: { include_usage: true } });
    expect(body).toMatchObject({ temperature: 0.3, top_p: 0.8, stop_sequences: ["END"], max_tokens: 50, metadata: { user_id: "u-1" }, stream: true });
    expect(body).not.toHaveProperty("seed");
    expect(body).not.toHaveProperty("stream_options");
    expect(bodyOf({ messages: [user("x")], stop: ["A", "B"], max_tokens: 9, safety_identifier: "s", user: "u" })).toMatchObject({ stop_sequences: ["A", "B"], max_tokens: 9, metadata: { user_id: "s" } });
    expect(build({ messages: [user("x")], stream: true }).headers.accept).toBe("text/event-stream");
  });

  it("defaults max_tokens per model family", () => {
    expect(bodyOf({ messages: [user("x")] }, "claude-3-haiku-20240307").max_tokens).toBe(4096);
    expect(bodyOf({ messages: [user("x")] }, "claude-3-opus-latest").max_tokens).toBe(4096);
    expect(bodyOf({ messages: [user("x")] }, "claude-3-5-haiku-latest").max_tokens).toBe(8192);
    expect(bodyOf({ messages: [user("x")] }, "claude-opus-4-1").max_tokens).toBe(8192);
  });

  it("sends json_schema as output_config.format and refuses it without a schema", () => {
    const format = { type: "json_schema", json_schema: { name: "answer", schema: { type: "object", properties: { a: { type: "string" } }, additionalProperties: false }, strict: true } };
    expect(bodyOf({ messages: [user("x")], response_format: format }).output_config).toEqual({ format: { type: "json_schema", schema: format.json_schema.schema } });
    expect(bodyOf({ messages: [user("x")], response_format: { type: "text" } })).not.toHaveProperty("output_config");
    const missing = thrown(() => build({ messages: [user("x")], response_format: { type: "json_schema", json_schema: { name: "a" } } }));
    expect(missing.param).toBe("response_format.json_schema.schema");
  });

  it("refuses what the table rejects before building anything", () => {
    expect(thrown(() => build({ messages: [user("x")], n: 2 })).param).toBe("n");
    expect(thrown(() => build({ messages: [user("x")], response_format: { type: "json_object" } })).param).toBe("response_format");
  });
});
