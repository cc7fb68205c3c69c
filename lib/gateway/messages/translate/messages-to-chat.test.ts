import { describe, expect, it } from "vitest";
import { fixtureJson } from "../../../../tests/fakes/test-helpers";
import { messagesBodySchema, parseMessagesBody } from "../messages-request";
import { toChatRequest } from "./messages-to-chat";

const body = (over: Record<string, unknown>) => parseMessagesBody({ body: { model: "gpt-4o-mini", max_tokens: 100, messages: [{ role: "user", content: "hi" }], ...over }, schema: messagesBodySchema });

describe("a Messages request in Chat Completions' terms", () => {
  it("keeps system, turns, tool calls and results (results right after the calls), images, limits and the stream's usage", () => {
    const chat = toChatRequest(
      body({
        system: [{ type: "text", text: "Be brief.", cache_control: { type: "ephemeral" } }],
        messages: [
          { role: "user", content: [{ type: "text", text: "weather in Paris?" }, { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBOR" } }] },
          { role: "assistant", content: [{ type: "thinking", thinking: "hm", signature: "s" }, { type: "text", text: "Checking." }, { type: "tool_use", id: "toolu_1", name: "get_weather", input: { city: "Paris" } }] },
          { role: "user", content: [{ type: "tool_result", tool_use_id: "toolu_1", content: [{ type: "text", text: "18 C" }] }, { type: "text", text: "and tomorrow?" }] },
        ],
        tools: [{ name: "get_weather", description: "Weather", input_schema: { type: "object", properties: { city: { type: "string" } } } }],
        tool_choice: { type: "auto", disable_parallel_tool_use: true },
        stop_sequences: ["END"],
        temperature: 0.5,
        thinking: { type: "enabled", budget_tokens: 64 },
        stream: true,
      }),
    );
    expect(chat.messages).toEqual([
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "text", text: "weather in Paris?" }, { type: "image_url", image_url: { url: "data:image/png;base64,iVBOR" } }] },
      { role: "assistant", content: "Checking.", tool_calls: [{ id: "toolu_1", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } }] },
      { role: "tool", tool_call_id: "toolu_1", content: "18 C" },
      { role: "user", content: [{ type: "text", text: "and tomorrow?" }] },
    ]);
    expect(chat).toMatchObject({ max_completion_tokens: 100, temperature: 0.5, stop: ["END"], tool_choice: "auto", parallel_tool_calls: false, stream: true, stream_options: { include_usage: true } });
    expect(chat.tools![0]!.function).toEqual({ name: "get_weather", description: "Weather", parameters: { type: "object", properties: { city: { type: "string" } } } });
  });

  it("translates Claude Code's first request (thinking, cache breakpoints and context editing dropped)", () => {
    const recorded = parseMessagesBody({ body: { ...fixtureJson<Record<string, unknown>>("anthropic", "claude-code-request.json"), model: "gpt-5.5" }, schema: messagesBodySchema });
    const chat = toChatRequest(recorded);
    expect(chat.messages[0]!.role).toBe("system");
    expect(chat.tools).toHaveLength(12);
    expect(JSON.stringify(chat)).not.toMatch(/cache_control|budget_tokens|clear_thinking/);
  });

  it("keeps a system turn where it stands (Claude Code's request for a model it does not know)", () => {
    const chat = toChatRequest(parseMessagesBody({ body: fixtureJson("anthropic", "claude-code-other-model-request.json"), schema: messagesBodySchema }));
    expect(chat.messages.map((m) => m.role)).toEqual(["system", "user", "system"]);
  });

  it("refuses what only Anthropic's models can do", () => {
    expect(() => toChatRequest(body({ messages: [{ role: "user", content: [{ type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBER" } }] }] }))).toThrow(/PDF documents are read only by Anthropic's models/);
    expect(() => toChatRequest(body({ tools: [{ type: "bash_20250124", name: "bash" }] }))).toThrow(/bash_20250124 runs only on Anthropic's models/);
    expect(() => toChatRequest(body({ top_k: 5 }))).toThrow(/top_k/);
  });
});
