import { describe, expect, it } from "vitest";
import { chatCompletionsEndpoint, readBearerToken } from "./chat-endpoint";

const { parser, forwarder } = chatCompletionsEndpoint;
const headers = (authorization?: string) => new Request("https://relay.test/", { headers: authorization ? { authorization } : {} });

describe("the chat completions endpoint", () => {
  it("takes the token from Authorization: Bearer only", () => {
    expect(readBearerToken(headers("Bearer 1r_abc"))).toBe("1r_abc");
    for (const value of [undefined, "bearer 1r_abc", "Bearer  1r_abc", "Basic 1r_abc", "Bearer 1r_a b"]) expect(readBearerToken(headers(value))).toBeNull();
  });

  it("parses a strict chat request with its model and stream flag, and refuses unpriced service tiers", () => {
    const request = new Request("https://relay.test/");
    expect(parser.parse({ body: { model: "gpt-4o", stream: true, messages: [{ role: "user", content: "x" }] }, request })).toMatchObject({ model: "gpt-4o", stream: true });
    expect(() => parser.parse({ body: { model: "gpt-4o", messages: [{ role: "user", content: "x" }], surprise: 1 }, request })).toThrow();
    expect(() => parser.parse({ body: { model: "gpt-4o", service_tier: "scale", messages: [{ role: "user", content: "x" }] }, request })).toThrow(/service_tier "scale"/);
  });

  it("puts the cost comment just before [DONE] or the error event, else at the end", () => {
    const relay = forwarder.openStream({ call: { model: "gpt-4o", messages: [] } as never, target: { provider: "openai", upstreamModel: "gpt-4o" }, clientModel: "gpt-4o", requestId: "req_0123456789ab", nowSeconds: 1 });
    const c = ": cost\n\n";
    expect(relay.withCostComment(["data: {}\n\n", "data: [DONE]\n\n"], c)).toEqual(["data: {}\n\n", c, "data: [DONE]\n\n"]);
    expect(relay.withCostComment(['data: {"error":{}}\n\n'], c)).toEqual([c, 'data: {"error":{}}\n\n']);
    expect(relay.withCostComment([], c)).toEqual([c]);
  });

  it("answers errors in OpenAI's shape", () => {
    expect(forwarder.errorBody({ status: 404, message: "m", type: "invalid_request_error", param: "model", code: "model_not_found" })).toEqual({ error: { message: "m", type: "invalid_request_error", param: "model", code: "model_not_found" } });
  });
});
