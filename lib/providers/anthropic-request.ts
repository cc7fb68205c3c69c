import type { AssistantMessage, ChatMessage, UserMessage } from "../chat-api/chat-messages";
import type { ChatRequest } from "../chat-api/chat-request";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { defaultAnthropicMaxTokens } from "./anthropic-max-tokens";
import { parseImageUrl } from "./image-url";
import { textOfContent } from "./message-text";
import { parseToolArguments } from "./tool-arguments";

// Chat Completions → Messages API body (https://docs.claude.com/en/api/messages).
// System and developer messages become `system` (wherever they stood); tool results become
// tool_result blocks in a user turn; consecutive turns of one role are merged, tool results
// first as Anthropic requires.

type Block = Record<string, unknown>;
interface Turn {
  role: "user" | "assistant";
  content: Block[];
}

const IMAGE_TYPES = new Set(["image/jpeg", "image/png", "image/gif", "image/webp"]);

/** Anthropic tool ids must match ^[A-Za-z0-9_-]+$; ids from elsewhere are mapped the same way both ways. */
export function toAnthropicToolId(id: string): string {
  return id.replace(/[^A-Za-z0-9_-]/g, "_");
}

function imageBlock(url: string, param: string): Block {
  const source = parseImageUrl(url);
  if (!source) throw new GatewayRequestError({ param, message: `Invalid '${param}': not a base64 data: URL.`, code: "invalid_value" });
  if (source.kind === "url") return { type: "image", source: { type: "url", url: source.url } };
  if (!IMAGE_TYPES.has(source.mimeType)) {
    throw new GatewayRequestError({
      param,
      message: `Invalid '${param}': Anthropic accepts image/jpeg, image/png, image/gif and image/webp, not ${source.mimeType}.`,
      code: "invalid_value",
    });
  }
  return { type: "image", source: { type: "base64", media_type: source.mimeType, data: source.data } };
}

function userBlocks(message: UserMessage, index: number): Block[] {
  if (typeof message.content === "string") return message.content ? [{ type: "text", text: message.content }] : [];
  return message.content.flatMap((part, p): Block[] => {
    if (part.type === "text") return part.text ? [{ type: "text", text: part.text }] : [];
    return [imageBlock(part.image_url.url, `messages[${index}].content[${p}].image_url.url`)];
  });
}

function assistantBlocks(message: AssistantMessage, index: number): Block[] {
  const content = message.content;
  const text = typeof content === "string" ? content : (content ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");
  const blocks: Block[] = text ? [{ type: "text", text }] : [];
  for (const [c, call] of (message.tool_calls ?? []).entries()) {
    const input = parseToolArguments({ text: call.function.arguments, param: `messages[${index}].tool_calls[${c}].function.arguments` });
    blocks.push({ type: "tool_use", id: toAnthropicToolId(call.id), name: call.function.name, input });
  }
  return blocks;
}

export function toAnthropicMessages(messages: readonly ChatMessage[]): { system: Block[]; turns: Turn[] } {
  const system: Block[] = [];
  const turns: Turn[] = [];
  const add = (role: Turn["role"], blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = turns[turns.length - 1];
    if (last?.role === role) last.content.push(...blocks);
    else turns.push({ role, content: blocks });
  };
  messages.forEach((message, index) => {
    if (message.role === "system" || message.role === "developer") {
      const text = textOfContent(message.content);
      if (text) system.push({ type: "text", text });
    } else if (message.role === "user") add("user", userBlocks(message, index));
    else if (message.role === "assistant") add("assistant", assistantBlocks(message, index));
    else {
      const text = textOfContent(message.content);
      add("user", [{ type: "tool_result", tool_use_id: toAnthropicToolId(message.tool_call_id), ...(text ? { content: text } : {}) }]);
    }
  });
  for (const turn of turns) {
    if (turn.role === "user") turn.content.sort((a, b) => Number(b.type === "tool_result") - Number(a.type === "tool_result"));
  }
  return { system, turns };
}

function toolChoice(request: ChatRequest): Block | undefined {
  const disable = request.parallel_tool_calls === false ? { disable_parallel_tool_use: true } : {};
  const choice = request.tool_choice;
  if (choice === "none") return { type: "none" };
  if (choice === "required") return { type: "any", ...disable };
  if (typeof choice === "object") return { type: "tool", name: choice.function.name, ...disable };
  if (choice === "auto" || request.parallel_tool_calls === false) return { type: "auto", ...disable };
  return undefined;
}

function outputConfig(request: ChatRequest): Block | undefined {
  const format = request.response_format;
  if (format?.type !== "json_schema") return undefined;
  if (!format.json_schema.schema) {
    throw new GatewayRequestError({
      param: "response_format.json_schema.schema",
      message: "Missing required parameter: 'response_format.json_schema.schema' (Anthropic needs the schema).",
      code: "missing_required_parameter",
    });
  }
  return { format: { type: "json_schema", schema: format.json_schema.schema } };
}

/** The Messages API body; fields the provider cannot honour were refused before (enforceFieldPolicy). */
export function buildAnthropicBody({ request, upstreamModel, maxOutputTokens }: { request: ChatRequest; upstreamModel: string; maxOutputTokens?: number }): Block {
  const { system, turns } = toAnthropicMessages(request.messages);
  const body: Block = {
    model: upstreamModel,
    max_tokens: request.max_completion_tokens ?? request.max_tokens ?? maxOutputTokens ?? defaultAnthropicMaxTokens(upstreamModel),
    messages: turns,
  };
  if (system.length > 0) body.system = system;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  if (request.top_p !== undefined) body.top_p = request.top_p;
  if (request.stop !== undefined) body.stop_sequences = typeof request.stop === "string" ? [request.stop] : request.stop;
  if (request.tools?.length) {
    body.tools = request.tools.map(({ function: f }) => ({
      name: f.name,
      ...(f.description ? { description: f.description } : {}),
      input_schema: f.parameters ?? { type: "object", properties: {} },
    }));
    const choice = toolChoice(request);
    if (choice) body.tool_choice = choice;
  }
  const config = outputConfig(request);
  if (config) body.output_config = config;
  const userId = request.safety_identifier ?? request.user;
  if (userId) body.metadata = { user_id: userId };
  if (request.stream) body.stream = true;
  return body;
}
