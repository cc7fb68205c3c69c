// A Messages request for another provider's model (Claude Code driving gpt-* or gemini-*):
// translated into a Chat Completions request, which that provider's adapter then sends as it
// sends any chat request, and checked by the same strict schema. What only Anthropic's models
// understand is dropped where it does not change the answer (thinking blocks and settings,
// cache breakpoints, context editing, service tier), and refused where it would (PDF documents,
// Anthropic's built-in tools, top_k).
import { parseChatRequest, type ChatRequest } from "../../../chat-api/chat-request";
import { GatewayRequestError } from "../../../chat-api/gateway-request-error";
import type { ContentBlock } from "../messages-blocks";
import type { MessagesBody } from "../messages-request";

type Json = Record<string, unknown>;
type ChatPart = { type: "text"; text: string } | { type: "image_url"; image_url: { url: string } };

const refuse = (param: string, message: string): never => {
  throw new GatewayRequestError({ param, code: "unsupported_parameter", message: `${message} (Translating /v1/messages for another provider's model.)` });
};

function imagePart(source: { type: string; media_type?: string; data?: string; url?: string }): ChatPart {
  return { type: "image_url", image_url: { url: source.type === "base64" ? `data:${source.media_type};base64,${source.data}` : String(source.url) } };
}

/** A user-side block as chat parts (documents as their text, search results as theirs). */
function userParts(block: ContentBlock | Json, param: string): ChatPart[] {
  const b = block as Json & { type: string };
  switch (b.type) {
    case "text":
      return [{ type: "text", text: String(b.text) }];
    case "image":
      return [imagePart(b.source as { type: string })];
    case "document": {
      const source = b.source as { type: string; data?: string; content?: unknown };
      if (source.type === "text") return [{ type: "text", text: [b.title, source.data].filter(Boolean).join("\n\n") }];
      if (source.type === "content") return typeof source.content === "string" ? [{ type: "text", text: source.content }] : (source.content as Json[]).flatMap((c) => userParts(c, param));
      return refuse(param, "PDF documents are read only by Anthropic's models.");
    }
    case "search_result":
      return [{ type: "text", text: [b.title, b.source, ...(b.content as { text: string }[]).map((c) => c.text)].join("\n") }];
    case "tool_reference":
      return [{ type: "text", text: `(tool ${String(b.tool_name)} loaded)` }];
    default:
      return refuse(param, `A ${b.type} block cannot stand in a user turn.`);
  }
}

/** A user turn: its tool results become tool messages (right after the assistant's calls), the rest one user message. */
function userMessages(content: ContentBlock[], index: number): Json[] {
  const out: Json[] = [];
  const parts: ChatPart[] = [];
  content.forEach((block, b) => {
    const param = `messages[${index}].content[${b}]`;
    if (block.type !== "tool_result") return parts.push(...userParts(block, param));
    const result = typeof block.content === "string" ? [{ type: "text" as const, text: block.content }] : (block.content ?? []).flatMap((c) => userParts(c, param));
    const text = result.filter((p) => p.type === "text").map((p) => (p as { text: string }).text).join("\n");
    out.push({ role: "tool", tool_call_id: block.tool_use_id, content: `${block.is_error ? "Error: " : ""}${text}` || "(no output)" });
    // A tool's images (a screenshot it read) follow as the user's.
    parts.push(...result.filter((p) => p.type === "image_url"));
  });
  if (parts.length > 0) out.push({ role: "user", content: parts });
  return out;
}

/** An assistant turn: its text and tool calls (thinking stays with Anthropic's models). */
function assistantMessage(content: ContentBlock[]): Json | null {
  const text = content.map((b) => (b.type === "text" ? b.text : "")).join("");
  const calls = content.flatMap((b) => (b.type === "tool_use" ? [{ id: b.id, type: "function", function: { name: b.name, arguments: JSON.stringify(b.input) } }] : []));
  if (!text && calls.length === 0) return null;
  return { role: "assistant", content: text || null, ...(calls.length > 0 ? { tool_calls: calls } : {}) };
}

function toolChoice(choice: MessagesBody["tool_choice"]): Json {
  if (!choice) return {};
  const parallel = "disable_parallel_tool_use" in choice && choice.disable_parallel_tool_use ? { parallel_tool_calls: false } : {};
  if (choice.type === "none") return { tool_choice: "none" };
  if (choice.type === "any") return { tool_choice: "required", ...parallel };
  if (choice.type === "tool") return { tool_choice: { type: "function", function: { name: choice.name } }, ...parallel };
  return { tool_choice: "auto", ...parallel };
}

function tools(body: MessagesBody): Json {
  if (!body.tools?.length) return {};
  return {
    tools: body.tools.map((tool, i) => {
      if (tool.type != null && tool.type !== "custom") return refuse(`tools[${i}].type`, `Anthropic's built-in tool ${tool.type} runs only on Anthropic's models.`);
      const custom = tool as { name: string; description?: string; input_schema: Json };
      return { type: "function", function: { name: custom.name, ...(custom.description ? { description: custom.description } : {}), parameters: custom.input_schema } };
    }),
    ...toolChoice(body.tool_choice),
  };
}

export function toChatRequest(body: MessagesBody): ChatRequest {
  if (body.top_k !== undefined) refuse("top_k", "top_k is Anthropic's; OpenAI's format has no such setting.");
  const system = typeof body.system === "string" ? body.system : (body.system ?? []).map((b) => b.text).join("\n\n");
  const messages: Json[] = system ? [{ role: "system", content: system }] : [];
  body.messages.forEach((m, i) => {
    if (m.role === "system") {
      const text = typeof m.content === "string" ? m.content : (m.content ?? []).map((b) => b.text).join("\n\n");
      if (text) messages.push({ role: "system", content: text });
    } else if (typeof m.content === "string") messages.push({ role: m.role, content: m.content });
    else if (m.role === "user") messages.push(...userMessages(m.content, i));
    else {
      const assistant = assistantMessage(m.content);
      if (assistant) messages.push(assistant);
    }
  });
  const format = body.output_config?.format ?? body.output_format;
  const userId = body.metadata?.user_id;
  const request: Json = {
    model: body.model,
    messages,
    max_completion_tokens: body.max_tokens,
    ...(body.temperature !== undefined ? { temperature: body.temperature } : {}),
    ...(body.top_p !== undefined ? { top_p: body.top_p } : {}),
    ...(body.stop_sequences?.length ? { stop: body.stop_sequences } : {}),
    ...tools(body),
    ...(format ? { response_format: { type: "json_schema", json_schema: { name: "output", schema: format.schema } } } : {}),
    ...(userId && userId.length <= 256 ? { user: userId } : {}),
    ...(body.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
  };
  const parsed = parseChatRequest(request);
  if (!parsed.ok) throw new GatewayRequestError({ param: parsed.param, code: parsed.code, message: `${parsed.message} (After translating /v1/messages into OpenAI's format for another provider's model.)` });
  return parsed.request;
}
