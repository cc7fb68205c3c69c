import { describe, expect, it } from "vitest";
import { isGatewayRequestError } from "../chat-api/gateway-request-error";
import { geminiAdapter } from "./gemini";
import { chatRequest } from "./test-support";
import { createToolCallId } from "./tool-call-id";

const KEY = "AIzaSyTest0123456789abcdefghijklmno";
const build = (body: Record<string, unknown>, upstreamModel = "gemini-2.5-flash") =>
  geminiAdapter.buildRequest({ request: chatRequest({ model: upstreamModel, ...body }), upstreamModel, apiKey: KEY, baseUrl: "https://generativelanguage.googleapis.com" });
const bodyOf = (body: Record<string, unknown>) => JSON.parse(build(body).body);
const user = (content: unknown) => ({ role: "user", content });

function thrown(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (isGatewayRequestError(error)) return error;
    throw error;
  }
  throw new Error("expected a GatewayRequestError");
}

describe("geminiAdapter.buildRequest", () => {
  it("posts to models/{model}:generateContent with x-goog-api-key, the key nowhere else", () => {
    const built = build({ messages: [user("Hi")] });
    expect(built.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:generateContent");
    expect(built.headers).toEqual({ "x-goog-api-key": KEY, "content-type": "application/json", accept: "application/json" });
    expect(built.body).not.toContain(KEY);
    expect(built.url).not.toContain(KEY);
    expect(JSON.parse(built.body)).toEqual({ contents: [{ role: "user", parts: [{ text: "Hi" }] }] });
  });

  it("streams with streamGenerateContent?alt=sse", () => {
    const built = build({ messages: [user("Hi")], stream: true, stream_options: { include_usage: true } });
    expect(built.url).toBe("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse");
    expect(built.headers.accept).toBe("text/event-stream");
    expect(JSON.parse(built.body)).not.toHaveProperty("stream");
  });

  it("keeps the model inside its path segment", () => {
    const built = geminiAdapter.buildRequest({ request: chatRequest({ model: "gemini-x", messages: [user("x")] }), upstreamModel: "a/b?c#d", apiKey: KEY, baseUrl: "https://g.example/base/" });
    expect(built.url).toBe("https://g.example/base/v1beta/models/a%2Fb%3Fc%23d:generateContent");
    expect(new URL(built.url).pathname).toBe("/base/v1beta/models/a%2Fb%3Fc%23d:generateContent");
  });

  it("moves system and developer messages to systemInstruction and alternates user/model", () => {
    const body = bodyOf({
      messages: [
        { role: "system", content: "Be brief." },
        { role: "developer", content: [{ type: "text", text: "Use French." }] },
        user("One"),
        user([{ type: "text", text: "Two" }, { type: "image_url", image_url: { url: "data:image/webp;base64,UklGRg==" } }]),
        { role: "assistant", content: [{ type: "text", text: "Un" }, { type: "refusal", refusal: "no" }] },
      ],
    });
    expect(body.systemInstruction).toEqual({ parts: [{ text: "Be brief." }, { text: "Use French." }] });
    expect(body.contents).toEqual([
      { role: "user", parts: [{ text: "One" }, { text: "Two" }, { inlineData: { mimeType: "image/webp", data: "UklGRg==" } }] },
      { role: "model", parts: [{ text: "Un" }] },
    ]);
  });

  it("refuses web image URLs, naming the part", () => {
    const error = thrown(() => build({ messages: [user([{ type: "text", text: "x" }, { type: "image_url", image_url: { url: "https://example.com/a.png" } }])] }));
    expect(error.param).toBe("messages[0].content[1].image_url.url");
    expect(error.message).toContain("data: URLs");
  });

  it("round-trips function calls: responses named after their call, signature restored from the id", () => {
    const signedId = createToolCallId({ signature: "CiIBVKhc+/w=" });
    const body = bodyOf({
      messages: [
        user("Lights on, then red."),
        {
          role: "assistant",
          content: null,
          tool_calls: [
            { id: signedId, type: "function", function: { name: "enable_lights", arguments: "{}" } },
            { id: "call_plain", type: "function", function: { name: "set_light_color", arguments: '{"rgb_hex":"ff0000"}' } },
          ],
        },
        { role: "tool", tool_call_id: "call_plain", content: "ok red" },
        { role: "tool", tool_call_id: signedId, content: [{ type: "text", text: "on" }] },
      ],
    });
    expect(body.contents).toEqual([
      { role: "user", parts: [{ text: "Lights on, then red." }] },
      {
        role: "model",
        parts: [
          { functionCall: { name: "enable_lights", args: {} }, thoughtSignature: "CiIBVKhc+/w=" },
          { functionCall: { name: "set_light_color", args: { rgb_hex: "ff0000" } } },
        ],
      },
      {
        role: "user",
        parts: [
          { functionResponse: { name: "set_light_color", response: { output: "ok red" } } },
          { functionResponse: { name: "enable_lights", response: { output: "on" } } },
        ],
      },
    ]);
  });

  it("refuses a tool result for a call it has not seen", () => {
    const error = thrown(() => build({ messages: [user("x"), { role: "tool", tool_call_id: "call_unknown", content: "r" }] }));
    expect(error.param).toBe("messages[1].tool_call_id");
  });

  it("translates tools and every tool_choice", () => {
    const tools = [
      { type: "function", function: { name: "set_light_color", description: "Set color", parameters: { type: "object", properties: { rgb_hex: { type: "string" } }, required: ["rgb_hex"], additionalProperties: false }, strict: true } },
      { type: "function", function: { name: "stop_lights" } },
    ];
    const body = bodyOf({ messages: [user("x")], tools });
    expect(body.tools).toEqual([
      {
        functionDeclarations: [
          { name: "set_light_color", description: "Set color", parametersJsonSchema: tools[0]?.function.parameters },
          { name: "stop_lights" },
        ],
      },
    ]);
    expect(body).not.toHaveProperty("toolConfig");
    const config = (tool_choice: unknown) => bodyOf({ messages: [user("x")], tools, tool_choice }).toolConfig;
    expect(config("none")).toEqual({ functionCallingConfig: { mode: "NONE" } });
    expect(config("auto")).toEqual({ functionCallingConfig: { mode: "AUTO" } });
    expect(config("required")).toEqual({ functionCallingConfig: { mode: "ANY" } });
    expect(config({ type: "function", function: { name: "stop_lights" } })).toEqual({ functionCallingConfig: { mode: "ANY", allowedFunctionNames: ["stop_lights"] } });
  });

  it("fills generationConfig", () => {
    const body = bodyOf({
      messages: [user("x")],
      temperature: 1.5,
      top_p: 0.9,
      max_completion_tokens: 300,
      max_tokens: 20,
      stop: ["END"],
      n: 2,
      seed: 7,
      presence_penalty: 0.5,
      frequency_penalty: -0.5,
      reasoning_effort: "medium",
      response_format: { type: "json_schema", json_schema: { name: "a", schema: { type: "object" } } },
      user: "dropped",
      service_tier: "flex",
    });
    expect(body.generationConfig).toEqual({
      temperature: 1.5,
      topP: 0.9,
      maxOutputTokens: 300,
      stopSequences: ["END"],
      candidateCount: 2,
      seed: 7,
      presencePenalty: 0.5,
      frequencyPenalty: -0.5,
      responseMimeType: "application/json",
      responseJsonSchema: { type: "object" },
      thinkingConfig: { thinkingBudget: 8192 },
    });
    expect(Object.keys(body).sort()).toEqual(["contents", "generationConfig"]);
    expect(bodyOf({ messages: [user("x")], stop: "END", max_tokens: 5, response_format: { type: "json_object" }, reasoning_effort: "none" }).generationConfig).toEqual({
      maxOutputTokens: 5,
      stopSequences: ["END"],
      responseMimeType: "application/json",
      thinkingConfig: { thinkingBudget: 0 },
    });
  });

  it("refuses what the table rejects", () => {
    expect(thrown(() => build({ messages: [user("x")], logprobs: true })).param).toBe("logprobs");
    expect(thrown(() => build({ messages: [user("x")], tools: [{ type: "function", function: { name: "f" } }], parallel_tool_calls: false })).param).toBe("parallel_tool_calls");
  });
});
