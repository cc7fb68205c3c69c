import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../tests/fakes/test-helpers";
import { MAX_IMAGE_TOKENS, REQUEST_ALLOWANCE_TOKENS, utf8ByteLength } from "../../limits/request-bounds";
import { boundMessagesCall, CLIENT_TOOL_ALLOWANCE_TOKENS, PDF_PAGE_TOKENS, PDF_PAGES_PER_REQUEST } from "./messages-bounds";
import { messagesBodySchema, parseMessagesBody, type MessagesBody } from "./messages-request";

const body = (over: Record<string, unknown> = {}): MessagesBody => parseMessagesBody({ body: { model: "claude-haiku-4-5", max_tokens: 500, messages: [{ role: "user", content: "hello there" }], ...over }, schema: messagesBodySchema });
const bound = (b: MessagesBody, upstreamModel = "claude-haiku-4-5") => boundMessagesCall({ body: b, provider: "anthropic", upstreamModel })!;

describe("the Messages reservation bounds", () => {
  it("holds max_tokens as the output (thinking inside it) and sends it as the client set it", () => {
    const b = bound(body({ max_tokens: 32000, thinking: { type: "enabled", budget_tokens: 31999 } }));
    expect(b).toMatchObject({ maxOutputTokens: 32000, forwardOutputTokens: null, longCacheWrites: false });
  });

  it("bounds the input by the body's bytes plus the allowances", () => {
    const b = body();
    expect(bound(b).maxInputTokens).toBeGreaterThan(utf8ByteLength(JSON.stringify(b)) + REQUEST_ALLOWANCE_TOKENS);
    const recorded = parseMessagesBody({ body: fixtureJson("anthropic", "claude-code-request.json"), schema: messagesBodySchema });
    expect(bound(recorded).maxInputTokens).toBeGreaterThan(utf8ByteLength(JSON.stringify(recorded)));
  });

  it("counts an image at the per-image maximum, not its bytes", () => {
    const data = "A".repeat(50_000);
    const withImage = bound(body({ messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png", data } }, { type: "text", text: "what?" }] }] }));
    const withoutData = bound(body({ messages: [{ role: "user", content: [{ type: "image", source: { type: "base64", media_type: "image/png", data: "" } }, { type: "text", text: "what?" }] }] }));
    expect(withImage.maxInputTokens).toBe(withoutData.maxInputTokens);
    expect(withImage.images).toBe(1);
    const none = bound(body({ messages: [{ role: "user", content: [{ type: "text", text: "what?" }] }] }));
    expect(withImage.maxInputTokens - none.maxInputTokens).toBeGreaterThanOrEqual(MAX_IMAGE_TOKENS.anthropic);
  });

  it("holds a request's whole PDF page allowance once when any PDF is present (in a tool result too)", () => {
    const pdf = { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" } };
    const one = bound(body({ messages: [{ role: "user", content: [pdf] }] }));
    const nested = bound(body({ messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: [pdf] }] }] }));
    expect(one.maxInputTokens).toBeGreaterThan(PDF_PAGES_PER_REQUEST * PDF_PAGE_TOKENS);
    expect(nested.maxInputTokens).toBeGreaterThan(PDF_PAGES_PER_REQUEST * PDF_PAGE_TOKENS);
  });

  it("adds client tools' system prompts and the definition each tool reference loads", () => {
    const schema = { type: "object", properties: { path: { type: "string", description: "x".repeat(5_000) } } };
    const plain = bound(body({ tools: [{ name: "Read", input_schema: schema, defer_loading: true }] }));
    const referenced = bound(body({ tools: [{ name: "Read", input_schema: schema, defer_loading: true }], messages: [{ role: "user", content: [{ type: "tool_result", tool_use_id: "t", content: [{ type: "tool_reference", tool_name: "Read" }] }] }] }));
    expect(referenced.maxInputTokens - plain.maxInputTokens).toBeGreaterThan(5_000);
    const bash = bound(body({ tools: [{ type: "bash_20250124", name: "bash" }] }));
    expect(bash.maxInputTokens - bound(body()).maxInputTokens).toBeGreaterThan(CLIENT_TOOL_ALLOWANCE_TOKENS);
  });

  it("says when the request may write to the 1-hour cache (top level, system, blocks or tools)", () => {
    const hour = { type: "ephemeral", ttl: "1h" };
    expect(bound(body({ cache_control: hour })).longCacheWrites).toBe(true);
    expect(bound(body({ system: [{ type: "text", text: "s", cache_control: hour }] })).longCacheWrites).toBe(true);
    expect(bound(body({ messages: [{ role: "user", content: [{ type: "text", text: "s", cache_control: hour }] }] })).longCacheWrites).toBe(true);
    expect(bound(body({ tools: [{ name: "t", input_schema: {}, cache_control: hour }] })).longCacheWrites).toBe(true);
    expect(bound(body({ cache_control: { type: "ephemeral", ttl: "5m" } })).longCacheWrites).toBe(false);
  });

  it("is null for a model without a price", () => {
    expect(boundMessagesCall({ body: body(), provider: "anthropic", upstreamModel: "claude-unknown-9" })).toBeNull();
  });
});
