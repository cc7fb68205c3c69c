import { describe, expect, it } from "vitest";
import { fixtureJson, fixtureText } from "../../tests/fakes/test-helpers";
import { openaiAdapter } from "./openai";
import { chatRequest, openaiCompletionSchema } from "./test-support";

const KEY = "sk-proj-test0123456789abcdef";
const build = (body: Record<string, unknown>, upstreamModel = "gpt-4o") =>
  openaiAdapter.buildRequest({ request: chatRequest(body), upstreamModel, apiKey: KEY, baseUrl: "https://api.openai.com/v1" });

describe("openaiAdapter.buildRequest", () => {
  it("posts the re-serialised request to /chat/completions with the key in Authorization only", () => {
    const built = build({ model: "openai/gpt-4o", messages: [{ role: "user", content: "Hi" }], temperature: 0.5, user: null });
    expect(built.url).toBe("https://api.openai.com/v1/chat/completions");
    expect(built.headers).toEqual({ authorization: `Bearer ${KEY}`, "content-type": "application/json", accept: "application/json" });
    expect(JSON.parse(built.body)).toEqual({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], temperature: 0.5 });
    expect(built.body).not.toContain(KEY);
    expect(built.url).not.toContain(KEY);
  });

  it("always asks for usage when streaming, keeping the client's other stream options", () => {
    const plain = JSON.parse(build({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], stream: true }).body);
    expect(plain.stream_options).toEqual({ include_usage: true });
    const withOptions = build({ model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], stream: true, stream_options: { include_usage: false, include_obfuscation: false } });
    expect(JSON.parse(withOptions.body).stream_options).toEqual({ include_usage: true, include_obfuscation: false });
    expect(withOptions.headers.accept).toBe("text/event-stream");
  });

  it("keeps every field OpenAI documents (nothing is dropped or rejected)", () => {
    const body = { model: "gpt-4o", messages: [{ role: "user", content: "Hi" }], n: 2, logprobs: true, top_logprobs: 2, seed: 3, service_tier: "flex", store: true, metadata: { a: "b" } };
    expect(JSON.parse(build(body).body)).toEqual(body);
  });
});

describe("openaiAdapter.parseResponse", () => {
  it("passes the completion through and reads its usage", () => {
    const body = fixtureJson<Record<string, unknown>>("openai", "chat-response.json");
    const { completion, usage } = openaiAdapter.parseResponse({ body, model: "gpt-4.1", id: "x", created: 1 });
    expect(completion).toEqual(body);
    expect(usage).toEqual({ inputTokens: 19, outputTokens: 10, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 });
    expect(openaiCompletionSchema.safeParse(completion).success).toBe(true);
  });

  it("reads cached and reasoning tokens", () => {
    const body = { ...fixtureJson<Record<string, unknown>>("openai", "tools-response.json") };
    body.usage = { prompt_tokens: 100, completion_tokens: 40, total_tokens: 140, prompt_tokens_details: { cached_tokens: 64 }, completion_tokens_details: { reasoning_tokens: 30 } };
    expect(openaiAdapter.parseResponse({ body, model: "o3", id: "x", created: 1 }).usage).toEqual({
      inputTokens: 100,
      outputTokens: 40,
      cachedInputTokens: 64,
      cacheWriteTokens: 0,
      reasoningTokens: 30,
    });
  });

  it("refuses a body without choices", () => {
    expect(() => openaiAdapter.parseResponse({ body: { object: "list" }, model: "m", id: "x", created: 1 })).toThrow(/without choices/);
  });
});

describe("openaiAdapter.parseError", () => {
  it("maps a refused key to provider_key_invalid and scrubs the key", () => {
    const bodyText = JSON.stringify({ error: { message: `Incorrect API key provided: ${KEY}.`, type: "invalid_request_error", param: null, code: "invalid_api_key" } });
    const error = openaiAdapter.parseError({ status: 401, bodyText, secrets: [KEY] });
    expect(error).toMatchObject({ status: 401, type: "authentication_error", code: "provider_key_invalid" });
    expect(error.message).toContain("OpenAI rejected the API key");
    expect(error.message).not.toContain(KEY);
    const masked = openaiAdapter.parseError({ status: 401, bodyText: fixtureText("openai", "error-invalid-key.json") });
    expect(masked.message).toContain("Incorrect API key provided");
  });

  it("keeps OpenAI's own type, code and param for a 4xx", () => {
    const bodyText = JSON.stringify({ error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" } });
    expect(openaiAdapter.parseError({ status: 429, bodyText })).toEqual({
      status: 429,
      type: "requests",
      code: "rate_limit_exceeded",
      param: null,
      message: "OpenAI error (HTTP 429): Rate limit reached",
    });
    const badParam = JSON.stringify({ error: { message: "bad", type: "invalid_request_error", param: "messages", code: null } });
    expect(openaiAdapter.parseError({ status: 400, bodyText: badParam }).param).toBe("messages");
  });

  it("turns a 5xx or a non-JSON body into a 502 naming OpenAI", () => {
    expect(openaiAdapter.parseError({ status: 500, bodyText: "<html>oops</html>" })).toEqual({
      status: 502,
      type: "server_error",
      code: "upstream_error",
      param: null,
      message: "OpenAI error (HTTP 500): HTTP 500",
    });
  });
});
