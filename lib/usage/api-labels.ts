import type { GatewayApi } from "../gateway/endpoint";

// How the Usage page names each API a request can use (the record keeps the short id).

export const API_LABELS: Record<GatewayApi, string> = {
  chat: "Chat Completions",
  messages: "Anthropic Messages",
  count_tokens: "Messages count_tokens",
  responses: "OpenAI Responses",
  gemini: "Gemini generateContent",
  embeddings: "Embeddings",
  models: "Models list",
};

/** The label of an API id, or the id itself for one this build does not know. */
export function labelOfApi(api: string): string {
  return Object.hasOwn(API_LABELS, api) ? API_LABELS[api as GatewayApi] : api;
}
