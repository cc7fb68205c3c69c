import { describe, expect, it } from "vitest";
import { chatCompletionsEndpoint } from "../chat/chat-endpoint";
import { createGatewayContext } from "../context";
import { describeGatewayError } from "../gateway-error";
import { chatRequest, createFakeWorld, makeConnection } from "../test-support";
import { planCall, readCallBody } from "./plan-call";

const plan = async (body: unknown, headers: Record<string, string> = {}) => {
  const world = createFakeWorld({ connection: makeConnection() });
  const request = chatRequest({ token: null, body, headers });
  const ctx = createGatewayContext({ request, deps: world.deps });
  return planCall({ ctx, parser: chatCompletionsEndpoint.parser, body: readCallBody(request) });
};

describe("stage plan: body → call, routed, bounded, priced", () => {
  it("routes the model and reserves its worst case", async () => {
    const result = await plan({ model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: "hi" }] });
    if (!result.ok) throw result.error;
    expect(result.call.target).toEqual({ provider: "anthropic", upstreamModel: "claude-haiku-4-5" });
    expect(result.call.bounds?.maxOutputTokens).toBe(100);
    expect(result.call.costMicroUsd).toBeGreaterThan(0);
    expect(result.call.parsed).toMatchObject({ model: "claude-haiku-4-5", stream: false });
  });

  it("has no reservation for a model without a price (the object refuses it under a budget)", async () => {
    const result = await plan({ model: "gpt-4o-fake-reply", messages: [{ role: "user", content: "hi" }] });
    if (!result.ok) throw result.error;
    expect(result.call).toMatchObject({ bounds: null, price: null, costMicroUsd: null });
  });

  it("keeps every body failure for after authentication instead of throwing it", async () => {
    const cases: [unknown, Record<string, string>, number, string | null][] = [
      ["{", {}, 400, "bad_request"],
      [{ model: "gpt-4o-mini" }, {}, 400, null],
      [{ model: "llama-3", messages: [{ role: "user", content: "x" }] }, {}, 404, "model_not_found"],
      [{ model: "gpt-4o-mini", service_tier: "priority", messages: [{ role: "user", content: "x" }] }, {}, 400, "unsupported_value"],
      [{ model: "gpt-4o-mini", messages: [] }, { "content-type": "text/plain" }, 400, "bad_request"],
    ];
    for (const [body, headers, status, code] of cases) {
      const result = await plan(body, headers);
      expect(result.ok, JSON.stringify(body)).toBe(false);
      if (result.ok) continue;
      const described = describeGatewayError(result.error);
      expect(described.status).toBe(status);
      if (code) expect(described.code).toBe(code);
    }
  });
});
