import { describe, expect, it } from "vitest";
import { isGatewayRequestError } from "../chat-api/gateway-request-error";
import readme from "./README.md?raw";
import { enforceFieldPolicy } from "./enforce-field-policy";
import { chatRequest } from "./test-support";
import type { ProviderId } from "./types";
import { listFieldPolicies, renderFieldPolicyTable, UNSUPPORTED_FIELDS } from "./unsupported-fields";

const base = { model: "x-model", messages: [{ role: "user", content: "Hi" }] };

function rejection(provider: ProviderId, body: Record<string, unknown>) {
  try {
    enforceFieldPolicy({ provider, request: chatRequest({ ...base, ...body }) });
  } catch (error) {
    if (isGatewayRequestError(error)) return error;
    throw error;
  }
  return null;
}

describe("the unsupported-fields table", () => {
  it("passes everything through for OpenAI", () => {
    expect(UNSUPPORTED_FIELDS.openai).toEqual({});
    expect(rejection("openai", { n: 3, logprobs: true, logit_bias: { "1": 2 }, seed: 1 })).toBeNull();
  });

  it.each([
    ["anthropic", { n: 2 }, "n"],
    ["anthropic", { logprobs: true }, "logprobs"],
    ["anthropic", { logprobs: true, top_logprobs: 2 }, "logprobs"],
    ["anthropic", { top_logprobs: 2 }, "top_logprobs"],
    ["anthropic", { logit_bias: { "50256": -100 } }, "logit_bias"],
    ["anthropic", { frequency_penalty: 0.5 }, "frequency_penalty"],
    ["anthropic", { presence_penalty: -0.5 }, "presence_penalty"],
    ["anthropic", { temperature: 1.5 }, "temperature"],
    ["anthropic", { reasoning_effort: "high" }, "reasoning_effort"],
    ["anthropic", { verbosity: "low" }, "verbosity"],
    ["anthropic", { response_format: { type: "json_object" } }, "response_format"],
    ["gemini", { logprobs: true }, "logprobs"],
    ["gemini", { top_logprobs: 1 }, "top_logprobs"],
    ["gemini", { logit_bias: { "1": 1 } }, "logit_bias"],
    ["gemini", { verbosity: "high" }, "verbosity"],
    ["gemini", { parallel_tool_calls: false }, "parallel_tool_calls"],
  ] as const)("%s rejects %j naming %s", (provider, body, param) => {
    const error = rejection(provider, body);
    expect(error).toMatchObject({ status: 400, param, openaiCode: "unsupported_parameter" });
    expect(error?.message).toContain(`'${param}'`);
  });

  it.each([
    ["anthropic", { n: 1, logprobs: false, top_logprobs: 0, logit_bias: {}, frequency_penalty: 0, presence_penalty: 0, temperature: 1, reasoning_effort: "none", verbosity: "medium" }],
    ["anthropic", { seed: 7, service_tier: "flex", prompt_cache_key: "k", metadata: { a: "b" }, store: true, user: "u" }],
    ["anthropic", { response_format: { type: "json_schema", json_schema: { name: "x", schema: { type: "object" } } } }],
    ["gemini", { logprobs: false, logit_bias: {}, verbosity: "medium", parallel_tool_calls: true, n: 3, seed: 1, frequency_penalty: 1, presence_penalty: 1 }],
    ["gemini", { service_tier: "priority", user: "u", safety_identifier: "s", prompt_cache_key: "k", metadata: { a: "b" }, store: true }],
  ] as const)("%s accepts neutral values and dropped fields %j", (provider, body) => {
    expect(rejection(provider, body)).toBeNull();
  });

  it("gives every rule a reason, and a `when` to every conditional rule", () => {
    for (const row of listFieldPolicies()) expect(row.reason.length).toBeGreaterThan(10);
    for (const provider of ["anthropic", "gemini"] as const) {
      for (const rule of Object.values(UNSUPPORTED_FIELDS[provider])) if (rule?.applies) expect(rule.when).toBeTruthy();
    }
  });

  it("is rendered into README.md as is", () => {
    expect(readme).toContain(renderFieldPolicyTable());
  });
});
