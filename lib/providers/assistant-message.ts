import type { ChatCompletionMessage, ChatCompletionToolCall } from "./types";

/** The assistant message of a translated completion, as OpenAI writes it (content null when only tools were called). */
export function buildAssistantMessage({ text, toolCalls }: { text: string; toolCalls: ChatCompletionToolCall[] }): ChatCompletionMessage {
  return {
    role: "assistant",
    content: text === "" && toolCalls.length > 0 ? null : text,
    refusal: null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
    annotations: [],
  };
}
