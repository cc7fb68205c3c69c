import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { boundResponsesCall } from "./responses-bounds";
import { parseResponsesRequest } from "./responses-request";

const codex = JSON.parse(readFileSync(new URL("../../../tests/fakes/fixtures/openai/codex-cli-request.json", import.meta.url), "utf8")) as Record<string, unknown>;
const hello = { model: "gpt-5-mini", input: "hi" };

function refusal(body: unknown): { param: string | null; code: string | null; message: string } {
  try {
    parseResponsesRequest(body);
  } catch (error) {
    if (error instanceof GatewayRequestError) return { param: error.param, code: error.openaiCode, message: error.message };
    throw error;
  }
  throw new Error("expected a refusal");
}

describe("the Responses request", () => {
  it("accepts exactly what Codex CLI 0.171.0 sends, drops its web_search tool and its client_metadata", () => {
    const call = parseResponsesRequest(codex);
    expect(call.model).toBe("gpt-5-codex");
    expect(call.stream).toBe(true);
    expect(call.droppedTools).toEqual(["web_search"]);
    const tools = call.body.tools as { type: string }[];
    expect(tools.map((t) => t.type)).not.toContain("web_search");
    expect(tools.map((t) => t.type)).toContain("namespace");
    expect(call.body.client_metadata).toBeUndefined();
    expect(call.body.store).toBeUndefined(); // set to false when the request is built
    expect(call.body.include).toEqual(["reasoning.encrypted_content"]);
    expect(call.body).toMatchObject({ tool_choice: "auto", parallel_tool_calls: true, reasoning: { summary: "auto" }, prompt_cache_key: expect.any(String) });
  });

  it("refuses what refers to stored state, with a message that says why", () => {
    for (const [field, value] of [["previous_response_id", "resp_1"], ["conversation", "conv_1"], ["prompt", { id: "pmpt_1" }]] as const) {
      const r = refusal({ ...hello, [field]: value });
      expect(r.param).toBe(field);
      expect(r.message).toMatch(/store|stored/);
    }
    expect(refusal({ ...hello, background: true }).param).toBe("background");
    const ref = refusal({ model: "gpt-5-mini", input: [{ role: "user", content: "hi" }, { type: "item_reference", id: "msg_1" }] });
    expect(ref.param).toBe("input[1].type");
    expect(ref.message).toMatch(/store=false/);
  });

  it("refuses hosted tools the pricing table cannot count, names the tool, and keeps client tools", () => {
    for (const type of ["file_search", "code_interpreter", "image_generation", "mcp", "computer_use_preview"]) {
      const r = refusal({ ...hello, tools: [{ type }] });
      expect(r.param).toBe("tools[0].type");
      expect(r.message).toContain(type);
    }
    expect(refusal({ ...hello, tools: [{ type: "shell", environment: { type: "container_auto" } }] }).param).toBe("tools[0].environment");
    expect(refusal({ ...hello, tools: [{ type: "constructor" }] }).message).toContain("not a tool 1Relay knows");
    const kept = parseResponsesRequest({ ...hello, tools: [{ type: "custom", name: "apply_patch" }, { type: "local_shell" }, { type: "shell", environment: { type: "local" } }, { type: "apply_patch" }] });
    expect((kept.body.tools as unknown[]).length).toBe(4);
  });

  it("drops every spelling of web search, and refuses a tool_choice that needs it", () => {
    const call = parseResponsesRequest({ ...hello, tools: [{ type: "web_search_preview_2025_03_11" }], tool_choice: "auto", include: ["web_search_call.action.sources"] });
    expect(call.body.tools).toBeUndefined();
    expect(call.body.tool_choice).toBeUndefined();
    expect(call.body.include).toEqual([]);
    expect(call.droppedTools).toEqual(["web_search_preview_2025_03_11"]);
    expect(refusal({ ...hello, tools: [{ type: "web_search" }], tool_choice: { type: "web_search_preview" } }).param).toBe("tool_choice");
    expect(refusal({ ...hello, tools: [{ type: "web_search" }], tool_choice: "required" }).param).toBe("tool_choice");
  });

  it("refuses what changes the price beyond the table: priority tier, pro reasoning, files, cache breakpoints, moderation", () => {
    expect(refusal({ ...hello, service_tier: "priority" }).param).toBe("service_tier");
    expect(refusal({ ...hello, reasoning: { mode: "pro" } }).param).toBe("reasoning.mode");
    expect(refusal({ model: "gpt-5-mini", input: [{ role: "user", content: [{ type: "input_file", file_id: "file_1" }] }] }).param).toBe("input[0].content[0].type");
    expect(refusal({ model: "gpt-5-mini", input: [{ role: "user", content: [{ type: "input_text", text: "x", prompt_cache_breakpoint: {} }] }] }).param).toBe("input[0].content[0].prompt_cache_breakpoint");
    expect(refusal({ ...hello, moderation: { model: "omni-moderation-latest" } }).param).toBe("moderation");
    expect(refusal({ ...hello, api_base: "https://evil.test" }).param).toBe("api_base");
  });

  it("is strict at the top level and about types, but treats null as absent", () => {
    expect(refusal({ ...hello, frobnicate: 1 })).toMatchObject({ param: "frobnicate", code: "unknown_parameter" });
    expect(refusal({ ...hello, max_output_tokens: "10" }).param).toBe("max_output_tokens");
    expect(refusal({ model: "gpt-5-mini" }).param).toBe("input");
    expect(refusal({ ...hello, model: "../etc" }).param).toBe("model");
    expect(refusal({ ...hello, stream_options: { include_obfuscation: false } }).param).toBe("stream_options");
    expect(parseResponsesRequest({ ...hello, previous_response_id: null, temperature: null }).body).toEqual(hello);
  });
});

describe("the Responses bounds", () => {
  const target = { provider: "openai" as const, upstreamModel: "gpt-5-mini" };

  it("counts the request's bytes with each image at the per-image maximum, and forwards the model's maximum output when none is asked", () => {
    const url = `data:image/png;base64,${"A".repeat(100_000)}`;
    const withImage = parseResponsesRequest({ model: "gpt-5-mini", input: [{ role: "user", content: [{ type: "input_text", text: "what is this" }, { type: "input_image", image_url: url, detail: "auto" }] }] });
    const bounds = boundResponsesCall({ call: withImage, target })!;
    expect(bounds.images).toBe(1);
    expect(bounds.maxInputTokens).toBeGreaterThan(50_000);
    expect(bounds.maxInputTokens).toBeLessThan(60_000); // the URL's 100 kB are not counted as text
    expect(bounds.maxOutputTokens).toBe(128_000);
    expect(bounds.forwardOutputTokens).toBe(128_000);
    const asked = boundResponsesCall({ call: parseResponsesRequest({ ...hello, max_output_tokens: 500 }), target })!;
    expect(asked).toMatchObject({ maxOutputTokens: 500, forwardOutputTokens: null });
  });

  it("has no bound for a model without a price", () => {
    expect(boundResponsesCall({ call: parseResponsesRequest(hello), target: { provider: "openai", upstreamModel: "gpt-unknown" } })).toBeNull();
  });
});
