import type { AssistantMessage, ChatMessage, UserMessage } from "../chat-api/chat-messages";
import type { ChatRequest } from "../chat-api/chat-request";
import { GatewayRequestError } from "../chat-api/gateway-request-error";
import { parseImageUrl } from "./image-url";
import { textOfContent } from "./message-text";
import { parseToolArguments } from "./tool-arguments";
import { readToolCallSignature } from "./tool-call-id";

// Chat Completions → GenerateContentRequest (https://ai.google.dev/api/generate-content).
// System and developer messages become systemInstruction; assistant turns are role "model"
// with functionCall parts (their thought signature restored from the tool call id); tool
// results are functionResponse parts in a user turn, named after the call they answer
// (Gemini matches responses by function name).

type Part = Record<string, unknown>;
interface Content {
  role: "user" | "model";
  parts: Part[];
}

/**
 * reasoning_effort → thinkingBudget, the mapping Google's own OpenAI compatibility layer
 * documents (https://ai.google.dev/gemini-api/docs/openai: low 1K, medium 8K, high 24K tokens,
 * "none" turns thinking off where the model allows it).
 */
export const THINKING_BUDGETS = { none: 0, minimal: 1_024, low: 1_024, medium: 8_192, high: 24_576, xhigh: 24_576 } as const;

function userParts(message: UserMessage, index: number): Part[] {
  if (typeof message.content === "string") return message.content ? [{ text: message.content }] : [];
  return message.content.flatMap((part, p): Part[] => {
    if (part.type === "text") return part.text ? [{ text: part.text }] : [];
    const param = `messages[${index}].content[${p}].image_url.url`;
    const source = parseImageUrl(part.image_url.url);
    if (source?.kind !== "inline") {
      throw new GatewayRequestError({
        param,
        message: `Invalid '${param}': Gemini models take images as base64 data: URLs through 1Relay, not ${source ? "web addresses" : "this URL"}.`,
        code: "invalid_value",
      });
    }
    return [{ inlineData: { mimeType: source.mimeType, data: source.data } }];
  });
}

function modelParts(message: AssistantMessage, index: number): Part[] {
  const content = message.content;
  const text = typeof content === "string" ? content : (content ?? []).map((p) => (p.type === "text" ? p.text : "")).join("");
  const parts: Part[] = text ? [{ text }] : [];
  for (const [c, call] of (message.tool_calls ?? []).entries()) {
    const args = parseToolArguments({ text: call.function.arguments, param: `messages[${index}].tool_calls[${c}].function.arguments` });
    const signature = readToolCallSignature(call.id);
    parts.push({ functionCall: { name: call.function.name, args }, ...(signature ? { thoughtSignature: signature } : {}) });
  }
  return parts;
}

export function toGeminiContents(messages: readonly ChatMessage[]): { systemInstruction?: { parts: Part[] }; contents: Content[] } {
  const system: Part[] = [];
  const contents: Content[] = [];
  const callNames = new Map<string, string>();
  const add = (role: Content["role"], parts: Part[]) => {
    if (parts.length === 0) return;
    const last = contents[contents.length - 1];
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };
  messages.forEach((message, index) => {
    if (message.role === "system" || message.role === "developer") {
      const text = textOfContent(message.content);
      if (text) system.push({ text });
    } else if (message.role === "user") add("user", userParts(message, index));
    else if (message.role === "assistant") {
      for (const call of message.tool_calls ?? []) callNames.set(call.id, call.function.name);
      add("model", modelParts(message, index));
    } else {
      const name = callNames.get(message.tool_call_id);
      if (!name) {
        const param = `messages[${index}].tool_call_id`;
        throw new GatewayRequestError({ param, message: `Invalid '${param}': no earlier assistant tool call has this id.`, code: "invalid_value" });
      }
      add("user", [{ functionResponse: { name, response: { output: textOfContent(message.content) } } }]);
    }
  });
  return { ...(system.length > 0 ? { systemInstruction: { parts: system } } : {}), contents };
}

function generationConfig(request: ChatRequest, maxOutputTokens: number | undefined): Part {
  const config: Part = {};
  const set = (key: string, value: unknown) => {
    if (value !== undefined) config[key] = value;
  };
  set("temperature", request.temperature);
  set("topP", request.top_p);
  set("maxOutputTokens", request.max_completion_tokens ?? request.max_tokens ?? maxOutputTokens);
  set("stopSequences", typeof request.stop === "string" ? [request.stop] : request.stop);
  set("candidateCount", request.n);
  set("seed", request.seed);
  set("presencePenalty", request.presence_penalty);
  set("frequencyPenalty", request.frequency_penalty);
  const format = request.response_format;
  if (format?.type === "json_object" || format?.type === "json_schema") config.responseMimeType = "application/json";
  if (format?.type === "json_schema" && format.json_schema.schema) config.responseJsonSchema = format.json_schema.schema;
  if (request.reasoning_effort) config.thinkingConfig = { thinkingBudget: THINKING_BUDGETS[request.reasoning_effort] };
  return config;
}

function toolConfig(request: ChatRequest): Part | undefined {
  const choice = request.tool_choice;
  if (choice === undefined) return undefined;
  if (choice === "none") return { functionCallingConfig: { mode: "NONE" } };
  if (choice === "auto") return { functionCallingConfig: { mode: "AUTO" } };
  if (choice === "required") return { functionCallingConfig: { mode: "ANY" } };
  return { functionCallingConfig: { mode: "ANY", allowedFunctionNames: [choice.function.name] } };
}

/** The GenerateContentRequest body; fields the provider cannot honour were refused before (enforceFieldPolicy). */
export function buildGeminiBody({ request, maxOutputTokens }: { request: ChatRequest; maxOutputTokens?: number }): Part {
  const body: Part = { ...toGeminiContents(request.messages) };
  if (request.tools?.length) {
    body.tools = [
      {
        functionDeclarations: request.tools.map(({ function: f }) => ({
          name: f.name,
          ...(f.description ? { description: f.description } : {}),
          ...(f.parameters ? { parametersJsonSchema: f.parameters } : {}),
        })),
      },
    ];
    const config = toolConfig(request);
    if (config) body.toolConfig = config;
  }
  const config = generationConfig(request, maxOutputTokens);
  if (Object.keys(config).length > 0) body.generationConfig = config;
  return body;
}
