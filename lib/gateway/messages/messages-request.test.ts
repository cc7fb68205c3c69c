import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/fakes/test-helpers";
import { countTokensBodySchema, messagesBodySchema, parseMessagesBody } from "./messages-request";

// The strict Messages body: everything Claude Code and the SDKs send is accepted and kept; what
// changes cost outside the pricing table, and anything unknown, is a 400 naming the field.

const parse = (body: unknown) => parseMessagesBody({ body, schema: messagesBodySchema });
const refusal = (body: unknown) => {
  try {
    parse(body);
  } catch (error) {
    return error as { httpStatus?: number; status: number; param: string | null; message: string; openaiCode: string | null };
  }
  throw new Error("accepted");
};
const base = { model: "claude-haiku-4-5", max_tokens: 100, messages: [{ role: "user", content: "hi" }] };

describe("the Messages request body", () => {
  it("accepts Claude Code 2.1's first request as recorded, every field kept for re-serialisation", () => {
    const recorded = fixtureJson<Record<string, unknown>>("anthropic", "claude-code-request.json");
    const parsed = parse(recorded);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(recorded);
    expect(parsed.thinking).toEqual({ type: "enabled", budget_tokens: 31999, display: "omitted" });
    expect(parsed.tools!.find((t) => t.name === "DeferredToolPlaceholder")).toMatchObject({ defer_loading: true });
  });

  it("accepts what Claude Code sends for a model it does not know: a system turn in the conversation, adaptive thinking, effort", () => {
    const recorded = fixtureJson<Record<string, unknown>>("anthropic", "claude-code-other-model-request.json");
    const parsed = parse(recorded);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(recorded);
    expect(parsed.messages.map((m) => m.role)).toContain("system");
  });

  it("accepts what the SDK's blocks allow: images, documents, search results, thinking, redacted thinking, tool use and results with tool references", () => {
    const body = {
      ...base,
      system: [{ type: "text", text: "sys", cache_control: { type: "ephemeral", ttl: "1h" } }],
      messages: [
        { role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: "iVBOR" } }, { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBER" }, title: "t", citations: { enabled: true } }, { type: "search_result", source: "https://x.test", title: "r", content: [{ type: "text", text: "found" }] }] },
        { role: "assistant", content: [{ type: "thinking", thinking: "hm", signature: "sig" }, { type: "redacted_thinking", data: "enc" }, { type: "tool_use", id: "toolu_1", name: "ToolSearch", input: { query: "select:Read" } }] },
        { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "tool_reference", tool_name: "Read" }] }] },
      ],
      tools: [{ name: "Read", description: "d", input_schema: { type: "object" }, defer_loading: true }, { type: "bash_20250124", name: "bash" }],
      tool_choice: { type: "auto", disable_parallel_tool_use: true },
      context_management: { edits: [{ type: "clear_thinking_20251015", keep: "all" }, { type: "clear_tool_uses_20250919", trigger: { type: "input_tokens", value: 30000 } }] },
      output_config: { effort: "high" },
      metadata: { user_id: "u" },
      cache_control: { type: "ephemeral" },
      service_tier: "standard_only",
      stream: true,
    };
    expect(JSON.parse(JSON.stringify(parse(body)))).toEqual(body);
  });

  it("refuses an unknown field, at the top or in a block, naming it", () => {
    expect(refusal({ ...base, surprise: 1 })).toMatchObject({ param: "surprise", openaiCode: "unknown_parameter" });
    const nested = refusal({ ...base, messages: [{ role: "user", content: [{ type: "text", text: "x", extra: true }] }] });
    expect(nested.param).toBe("messages[0].content[0].extra");
  });

  it("refuses what bills outside the pricing table, saying why", () => {
    expect(refusal({ ...base, tools: [{ type: "web_search_20250305", name: "web_search", max_uses: 3 }] }).message).toMatch(/tools\[0\]: .*server tools .* billed per use/);
    expect(refusal({ ...base, speed: "fast" })).toMatchObject({ param: "speed", openaiCode: "unsupported_value" });
    expect(refusal({ ...base, inference_geo: "us" }).message).toMatch(/regional uplift/);
    expect(refusal({ ...base, container: "c" }).message).toMatch(/^container: not supported by 1Relay \(code execution/);
    expect(refusal({ ...base, mcp_servers: [] }).param).toBe("mcp_servers");
    expect(refusal({ ...base, context_management: { edits: [{ type: "compact_20260112" }] } }).param).toBe("context_management.edits[0].type");
    expect(refusal({ ...base, messages: [{ role: "user", content: [{ type: "image", source: { type: "file", file_id: "f" } }] }] }).param).toMatch(/^messages\[0\]\.content\[0\]\.source/);
  });

  it("requires model, max_tokens and messages, and checks the model name and limits", () => {
    expect(refusal({ model: "claude-haiku-4-5", messages: base.messages })).toMatchObject({ param: "max_tokens", openaiCode: "missing_required_parameter" });
    expect(refusal({ ...base, max_tokens: 0 }).param).toBe("max_tokens");
    expect(refusal({ ...base, model: "https://evil.test/x" }).param).toBe("model");
    expect(refusal({ ...base, thinking: { type: "enabled" } }).param).toBe("thinking.budget_tokens");
    expect(refusal({ ...base, messages: [{ role: "system", content: [{ type: "tool_addition", tool: { type: "tool_reference", name: "x" } }] }] }).param).toMatch(/^messages\[0\]\.content/);
    expect(refusal([base]).message).toBe("The request body must be a JSON object.");
  });

  it("count_tokens takes the prompt's fields only", () => {
    const count = (body: unknown) => parseMessagesBody({ body, schema: countTokensBodySchema });
    expect(count({ model: "claude-haiku-4-5", messages: base.messages, system: "s", tools: [] })).toMatchObject({ model: "claude-haiku-4-5" });
    expect(() => count(base)).toThrow(/max_tokens/);
  });
});
