import type { ChatRequestField } from "../../chat-api/chat-request";
import type { FieldPolicy } from "./field-rules";
import type { EmbeddingPriceEntry, PriceEntry } from "./price-types";
import type { ProviderId } from "./provider-ids";

// One row of the provider registry: everything 1Relay knows about a provider, as data.

export interface KeyFormat {
  /** What a key of this provider looks like (checked in the browser before it is sealed). */
  pattern: RegExp;
  /** Shown when a paste does not match, e.g. "gsk_…". */
  example: string;
  /**
   * A prefix only this provider's keys start with, used to say "that looks like a Groq key";
   * null when keys have no distinctive prefix (Mistral, legacy keys).
   */
  distinctivePrefix: string | null;
  /** Key-like strings this provider issues that must not be stored (admin keys…). */
  refuse?: readonly { prefix: string; message: string }[];
  /** Where a person creates a key. */
  createUrl: string;
}

/**
 * OpenAI's Chat Completions wire format, as a provider speaks it. Everything that differs from
 * OpenAI is data here; the adapter (lib/providers/openai.ts) reads it.
 */
export interface OpenAIWire {
  family: "openai";
  /** Path after the base URL. */
  chatPath: string;
  modelsPath: string;
  /**
   * Where the output limit goes: "as-sent" keeps the client's max_tokens / max_completion_tokens
   * untouched (OpenAI); otherwise the limit (max_completion_tokens ?? max_tokens) is sent in
   * this one field.
   */
  outputLimitField: "as-sent" | "max_completion_tokens" | "max_tokens";
  /**
   * How a stream reports usage. "include_usage": only when asked with
   * stream_options.include_usage (the gateway always asks); "final_chunk": on the last chunk(s)
   * unasked (stream_options is never sent); "x_groq": in the last chunk's x_groq.usage.
   * Whatever the mode, usage found anywhere is read, and a stream without any is charged by the
   * settlement rule (lib/limits/settlement.ts).
   */
  streamUsage: "include_usage" | "final_chunk" | "x_groq";
  /** Fields the provider names differently (Mistral's random_seed). */
  renameFields?: Partial<Record<ChatRequestField, string>>;
  /** Drop `name` from messages (the provider refuses or ignores participant names). */
  dropMessageNames?: boolean;
  /** Drop `strict` from function tools. */
  dropToolStrict?: boolean;
  /** completion_tokens excludes reasoning_tokens (xAI): output = completion + reasoning. */
  reasoningOutsideCompletion?: boolean;
  /** A wrong key answered with another status than 401 (xAI's 400 "Incorrect API key"): recognised by its message. */
  keyRejection?: { status: number; message: RegExp };
}

export type WireFormat = OpenAIWire | { family: "anthropic" } | { family: "gemini" };

/** Which of the gateway's endpoints can reach this provider (the native ones: decision 018). */
export interface ProviderEndpoints {
  chatCompletions: true;
  models: true;
  /** Anthropic's Messages API (/v1/messages), natively or as the provider's compatible endpoint. */
  messages: boolean;
  /** OpenAI's Responses API (/v1/responses). */
  responses: boolean;
  /** Gemini's generateContent (/v1beta/models/…). */
  geminiNative: boolean;
  /** /v1/embeddings (prices in embeddingPrices). */
  embeddings: boolean;
  /** Where a native endpoint differs from the base URL, in words (for the issue that serves it). */
  note?: string;
}

export interface ProviderSpec {
  id: ProviderId;
  /** As the UI shows it: "Google Gemini". */
  displayName: string;
  /** In messages: "Gemini error (HTTP 400): …". */
  shortName: string;
  key: KeyFormat;
  baseUrl: {
    /** The setting that configures it (lib/env); never taken from a request. */
    setting: `${string}_BASE_URL`;
    /** The provider's real host, used when the setting is absent. */
    default: string;
  };
  /** The header the key travels in, and how. */
  auth: { header: "authorization" | "x-api-key" | "x-goog-api-key"; scheme: "bearer" | "plain" };
  wire: WireFormat;
  routing: {
    /** Bare model names this provider claims (`<provider>/<model>` always works). No two providers may claim one name. */
    families: readonly RegExp[];
    /** The provider's model ids contain "/" ("meta-llama/…"): allowed after the prefix. */
    nestedModelIds: boolean;
    /** A dated snapshot suffix stripped once when pricing an unknown id (OpenAI -YYYY-MM-DD…). */
    snapshotSuffix: RegExp | null;
  };
  endpoints: ProviderEndpoints;
  /** Chat Completions fields the provider cannot honour (lib/providers/README.md renders them). */
  unsupportedFields: FieldPolicy;
  /** The most prompt tokens one image can cost (lib/limits/request-bounds.ts). */
  maxImageTokens: number;
  /** A cheap current chat model for a vault key's Test button. */
  keyTestModel: string;
  prices: readonly PriceEntry[];
  embeddingPrices: readonly EmbeddingPriceEntry[];
}

/** An OpenAI-format wire with OpenAI's paths (/chat/completions, /models) unless given. */
export function openAIWire(wire: Omit<OpenAIWire, "family" | "chatPath" | "modelsPath"> & Partial<Pick<OpenAIWire, "chatPath" | "modelsPath">>): OpenAIWire {
  return { family: "openai", chatPath: "/chat/completions", modelsPath: "/models", ...wire };
}
