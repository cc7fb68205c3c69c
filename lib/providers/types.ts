import type { ChatRequest } from "../chat-api/chat-request";

// The contract every provider adapter implements, and the OpenAI output shapes they produce
// (https://platform.openai.com/docs/api-reference/chat/object and /chat/streaming).

// Provider ids are the registry's one list (lib/providers/registry/provider-ids.ts).
export { PROVIDER_IDS, type ProviderId } from "./registry/provider-ids";
import type { ProviderId } from "./registry/provider-ids";

/** Token counts in one vocabulary for every provider (what pricing and usage records use). */
export interface Usage {
  /** All prompt tokens, cached and cache-written ones included. */
  inputTokens: number;
  /** All generated tokens, reasoning included. */
  outputTokens: number;
  /** Prompt tokens read from the provider's cache (a subset of inputTokens). */
  cachedInputTokens: number;
  /** Prompt tokens written to the cache (Anthropic; a subset of inputTokens). */
  cacheWriteTokens: number;
  /** Of those, the ones written to the 1-hour cache (Anthropic's `cache_creation.ephemeral_1h_input_tokens`; absent: none). */
  cacheWrite1hTokens?: number;
  /** Reasoning / thinking tokens (a subset of outputTokens). */
  reasoningTokens: number;
}

export type FinishReason = "stop" | "length" | "tool_calls" | "content_filter" | "function_call";

export interface ChatCompletionToolCall {
  id: string;
  type: "function";
  function: { name: string; arguments: string };
}

export interface ChatCompletionMessage {
  role: "assistant";
  content: string | null;
  refusal: string | null;
  tool_calls?: ChatCompletionToolCall[];
  annotations: unknown[];
}

export interface ChatCompletionChoice {
  index: number;
  message: ChatCompletionMessage;
  logprobs: null;
  finish_reason: FinishReason;
}

export interface OpenAIUsage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  prompt_tokens_details?: { cached_tokens?: number; audio_tokens?: number };
  completion_tokens_details?: { reasoning_tokens?: number; audio_tokens?: number };
}

export interface ChatCompletion {
  id: string;
  object: "chat.completion";
  created: number;
  model: string;
  choices: ChatCompletionChoice[];
  usage?: OpenAIUsage;
  system_fingerprint?: string | null;
  service_tier?: string | null;
}

/** The request to send upstream: the key is in `headers` (its provider's auth header) only. */
export interface UpstreamRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** An upstream failure in OpenAI's error vocabulary, ready for {"error":{…}}. */
export interface UpstreamError {
  status: number;
  type: string;
  code: string | null;
  param: string | null;
  /** Names the provider; scrubbed of anything that looks like a key. */
  message: string;
}

export interface StreamError {
  message: string;
  type: string;
}

/** One server-sent event as parsed by lib/providers/sse.ts. */
export interface SseEvent {
  event?: string;
  data: string;
}

/**
 * Turns a provider's stream, event by event, into OpenAI `chat.completion.chunk` frames.
 * Write every string push() and end() return, as is, in order: they are complete SSE
 * frames ("data: …\n\n"). After an upstream error (an in-stream error event, or a stream that
 * ends without its terminal event) the translator itself emits `data: {"error":{…}}` the way
 * OpenAI does and no `[DONE]`; error() then tells the gateway what happened.
 */
export interface StreamTranslator {
  push(event: SseEvent): string[];
  /** Call once the upstream body ended (or broke): final frames, usage chunk and `data: [DONE]`. */
  end(): string[];
  /** Usage so far (partial after an error), null if the provider reported none. */
  usage(): Usage | null;
  error(): StreamError | null;
}

export interface BuildRequestInput {
  request: ChatRequest;
  upstreamModel: string;
  apiKey: string;
  /** From configuration (OPENAI_BASE_URL…), never from the request. */
  baseUrl: string;
  /**
   * The per-choice output limit the gateway reserved for when the client set none
   * (lib/limits/request-bounds.ts): sent upstream so the provider bills no more than that.
   */
  maxOutputTokens?: number;
}

export interface ParseResponseInput {
  body: unknown;
  /** The model name to report (the client's), and the gateway's completion id and time. */
  model: string;
  id: string;
  created: number;
}

export interface StreamTranslatorInput {
  model: string;
  id: string;
  created: number;
  /** The client asked for stream_options.include_usage. */
  includeUsage: boolean;
}

export interface ParseErrorInput {
  status: number;
  bodyText: string;
  /** Exact secrets to remove from the message as well (the key that was used). */
  secrets?: string[];
}

export interface ProviderAdapter {
  id: ProviderId;
  /** Throws GatewayRequestError for a field this provider cannot honour (unsupported-fields.ts). */
  buildRequest(input: BuildRequestInput): UpstreamRequest;
  /**
   * Throws UpstreamProtocolError when the body is not the provider's documented shape. `usage`
   * is null when the provider reported none (the request is then charged by the settlement rule).
   */
  parseResponse(input: ParseResponseInput): { completion: ChatCompletion; usage: Usage | null };
  createStreamTranslator(input: StreamTranslatorInput): StreamTranslator;
  parseError(input: ParseErrorInput): UpstreamError;
}
