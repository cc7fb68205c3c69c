// Shared types of the fake upstream providers (tests/fakes/README.md describes them).
import type { IncomingHttpHeaders } from "node:http";
import type { CompatProvider } from "./compat-modes";

/** OpenAI, Anthropic, Gemini, and the providers the fake OpenAI server plays in its modes. */
export type ProviderName = "anthropic" | "gemini" | CompatProvider;

/**
 * What a fake does with the next request. Fields combine: `{ delayMs: 300, dropAfterChunks: 2 }`
 * is a slow stream that then breaks. Every number is deterministic.
 */
export interface Behaviour {
  /**
   * reply (default): the deterministic answer, a tool call when the request offers tools.
   * error: `status` (default 500) in the provider's error shape.
   * rate-limit: 429 with `retry-after` (`retryAfterSeconds`, default 1).
   * key-echo: the provider's invalid-key error with the full key in its message (to test scrubbing).
   * stream-error: a streamed reply that carries an in-stream error event after `errorAfterChunks` events.
   */
  kind?: "reply" | "error" | "rate-limit" | "key-echo" | "stream-error";
  status?: number;
  message?: string;
  retryAfterSeconds?: number;
  /** Pause between stream events; for a non-streamed reply, before the response. */
  delayMs?: number;
  /** Destroy the socket after this many SSE events (non-streamed: halfway through the body). */
  dropAfterChunks?: number;
  /** stream-error: events sent before the error event (default 2). */
  errorAfterChunks?: number;
  /** Share of the prompt tokens reported as read from the prompt cache (0..1). */
  cachedFraction?: number;
  /** Share of the prompt tokens reported as written to the cache (Anthropic only, 0..1). */
  cacheWriteFraction?: number;
  /** Reasoning / thinking tokens added to the usage (OpenAI reasoning_tokens, Gemini thoughtsTokenCount). */
  reasoningTokens?: number;
  /** Answer with exactly this text (stop sequences and output limits still apply), even when tools are offered. */
  replyText?: string;
  /** Anthropic only: a text block sent before a tool_use block (so the tool block has index 1). */
  toolPreamble?: string;
  /** Anthropic only, with thinking on: a redacted_thinking block after the thinking block. */
  redactedThinking?: boolean;
}

/** One request as the fake saw it: everything a test needs to check what the gateway sent. */
export interface ReceivedRequest {
  provider: ProviderName;
  method: string;
  /** Path without the query string, percent-decoded. */
  path: string;
  query: Record<string, string>;
  /** Header names lower-cased, as node parsed them. */
  headers: IncomingHttpHeaders;
  /** Names and values exactly as sent, in order: [name, value, name, value, …]. */
  rawHeaders: string[];
  bodyText: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  /** The key found where this provider expects it, undefined when missing. */
  apiKey: string | undefined;
  /** The behaviour applied (after auth and validation passed), undefined before that. */
  behaviour: Behaviour | undefined;
  /** The usage the fake answered with, in the provider's own terms (Anthropic: the final usage object); undefined before it answered or when it had none. */
  reportedUsage?: unknown;
  /** How the exchange ended: a client that hangs up mid-stream shows as client-closed. */
  outcome: "pending" | "completed" | "client-closed" | "dropped";
  receivedAt: number;
}

export interface ScriptOptions {
  /** How many requests the behaviour applies to; default: every request until reset(). */
  times?: number;
}

export interface FakeServer {
  readonly provider: ProviderName;
  /** http://127.0.0.1:PORT, no trailing slash. */
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  /** Queue a behaviour (or a preset name such as "429", "slow-500", "drop-3"). */
  script(behaviour: Behaviour | string, options?: ScriptOptions): void;
  /** Forget scripted behaviours and received requests. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeServerOptions {
  /** Default 0: a free port. */
  port?: number;
  /** When set, any other key is rejected the way the provider rejects it; default: any non-empty key. */
  expectedKey?: string;
}
