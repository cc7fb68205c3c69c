// The fake OpenAI server's modes: one per provider that speaks OpenAI's Chat Completions, each
// with its own path, key check, error shape and the quirks its documentation (or its SDK's
// types) describes. Sources are named per mode; tests/fakes/README.md lists what each does.

export const COMPAT_PROVIDERS = ["openai", "mistral", "groq", "xai", "deepseek", "openrouter", "together", "fireworks", "cerebras", "perplexity"] as const;
export type CompatProvider = (typeof COMPAT_PROVIDERS)[number];

type Json = Record<string, unknown>;

/** OpenAI's documented request fields (the default known set). */
export const OPENAI_PARAMS =
  "messages model audio frequency_penalty function_call functions logit_bias logprobs max_completion_tokens " +
  "max_tokens metadata modalities moderation n parallel_tool_calls prediction presence_penalty prompt_cache_key " +
  "prompt_cache_options prompt_cache_retention reasoning_effort response_format safety_identifier seed service_tier stop store " +
  "stream stream_options temperature tool_choice tools top_logprobs top_p user verbosity web_search_options";

export interface CompatMode {
  provider: CompatProvider;
  /** The API's path prefix: the provider's base URL path (Groq "/openai/v1"). More than one where the provider answers on both. */
  basePaths: string[];
  /** What the provider's keys look like; others are refused as it refuses them. */
  keyPattern: RegExp;
  /** Its 401 for a missing or wrong key. */
  invalidKey(shown: string): Json;
  /** Its error body for `message` with HTTP `status`. */
  error(message: string, status: number, param?: string | null, code?: string | null): Json;
  /** Request fields it knows; null: any (unknown ones ignored). With `strict`, an unknown one is refused. */
  knownParams: Set<string> | null;
  /** Status for an unknown field when strict (Mistral 422). */
  unknownFieldStatus: number;
  /** Fields the provider refuses whenever present (Groq's logprobs…). */
  refusedParams: string[];
  /** Refuses `name` on messages. */
  refusesMessageNames: boolean;
  /** Refuses `strict` on function tools. */
  refusesToolStrict: boolean;
  /** Refuses n other than 1. */
  refusesN: boolean;
  /** Refuses tools altogether (Perplexity's Sonar). */
  refusesTools: boolean;
  /** The request field that carries the output limit (others are unknown where strict). */
  outputLimitFields: string[];
  /**
   * How a stream reports usage: "include_usage" (a usage-only chunk when asked), "final_chunk"
   * (on the finishing chunk, unasked), "usage_chunk" (a usage-only chunk, always), "x_groq" (the
   * finishing chunk's x_groq.usage), "every_chunk" (cumulative usage on every chunk).
   */
  streamUsage: "include_usage" | "final_chunk" | "usage_chunk" | "x_groq" | "every_chunk";
  /** Reasoning tokens counted apart from completion_tokens (xAI). */
  reasoningApart: boolean;
  /** Cache hits reported as prompt_cache_hit_tokens / prompt_cache_miss_tokens (DeepSeek). */
  cacheHitFields: boolean;
  /** Ends streams with `data: [DONE]`. */
  sendsDone: boolean;
  /** A comment line sent before the first chunk and between chunks (keep-alives). */
  comment: string | null;
  /** Extra top-level fields on answers (Perplexity's citations). */
  extras: Json;
  models: string[];
  /** Other endpoints it serves beside chat completions and models (openai-responses.ts, openai-embeddings.ts). */
  serves: ("responses" | "embeddings")[];
}

const openaiError = (message: string, type: string, param: string | null = null, code: string | null = null) => ({ error: { message, type, param, code } });
const typeFor = (status: number) => (status >= 500 ? "server_error" : status === 429 ? "rate_limit_error" : "invalid_request_error");
const standardError = (message: string, status: number, param: string | null = null, code: string | null = null) => openaiError(message, typeFor(status), param, code);

const base: Omit<CompatMode, "provider" | "basePaths" | "keyPattern" | "models"> = {
  invalidKey: (shown) => openaiError(`Incorrect API key provided: ${shown}.`, "invalid_request_error", null, "invalid_api_key"),
  error: standardError,
  knownParams: null,
  unknownFieldStatus: 400,
  refusedParams: [],
  refusesMessageNames: false,
  refusesToolStrict: false,
  refusesN: false,
  refusesTools: false,
  outputLimitFields: ["max_tokens", "max_completion_tokens"],
  streamUsage: "final_chunk",
  reasoningApart: false,
  cacheHitFields: false,
  sendsDone: true,
  comment: null,
  extras: {},
  serves: [],
};

export const COMPAT_MODES: Record<CompatProvider, CompatMode> = {
  // https://platform.openai.com/docs/api-reference/chat
  openai: {
    ...base,
    provider: "openai",
    serves: ["responses", "embeddings"],
    basePaths: ["/v1"],
    keyPattern: /^.+$/,
    invalidKey: (shown) => openaiError(`Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", null, "invalid_api_key"),
    knownParams: new Set(OPENAI_PARAMS.split(" ")),
    streamUsage: "include_usage",
    models: ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini", "o4-mini"],
  },
  // https://docs.mistral.ai/api/ and mistralai/client-ts: random_seed, max_tokens, extra fields are a 422.
  mistral: {
    ...base,
    provider: "mistral",
    serves: ["embeddings"],
    basePaths: ["/v1"],
    keyPattern: /^[A-Za-z0-9]{32}$/,
    invalidKey: () => ({ message: "Unauthorized", request_id: "fake-request" }),
    error: (message, status) => ({ object: "error", message, type: typeFor(status), param: null, code: null }),
    knownParams: new Set(
      ("model messages temperature top_p max_tokens stream stop random_seed metadata response_format tools tool_choice presence_penalty " +
        "frequency_penalty n prediction parallel_tool_calls reasoning_effort prompt_mode guardrails prompt_cache_key safe_prompt").split(" "),
    ),
    unknownFieldStatus: 422,
    refusesMessageNames: true,
    outputLimitFields: ["max_tokens"],
    streamUsage: "final_chunk",
    models: ["mistral-large-latest", "mistral-small-latest", "ministral-8b-latest", "magistral-medium-latest"],
  },
  // https://console.groq.com/docs/openai: logprobs, logit_bias, top_logprobs, messages[].name and n != 1 are a 400.
  groq: {
    ...base,
    provider: "groq",
    serves: ["responses"],
    basePaths: ["/openai/v1"],
    keyPattern: /^gsk_[A-Za-z0-9]+$/,
    invalidKey: () => openaiError("Invalid API Key", "invalid_request_error", null, "invalid_api_key"),
    refusedParams: ["logprobs", "logit_bias", "top_logprobs"],
    refusesMessageNames: true,
    refusesN: true,
    streamUsage: "x_groq",
    models: ["llama-3.1-8b-instant", "llama-3.3-70b-versatile", "openai/gpt-oss-120b", "openai/gpt-oss-20b"],
  },
  // https://docs.x.ai/api: reasoning_tokens outside completion_tokens; strict tools refused (as LiteLLM found).
  xai: {
    ...base,
    provider: "xai",
    serves: ["responses"],
    basePaths: ["/v1"],
    keyPattern: /^xai-[A-Za-z0-9]+$/,
    invalidKey: (shown) => ({ code: "Client specified an invalid argument", error: `Incorrect API key provided: ${shown}. You can obtain an API key from https://console.x.ai.` }),
    refusesToolStrict: true,
    outputLimitFields: ["max_tokens", "max_completion_tokens"],
    streamUsage: "include_usage",
    reasoningApart: true,
    models: ["grok-4.3", "grok-4.20-0309-non-reasoning", "grok-build-0.1"],
  },
  // https://api-docs.deepseek.com: usage when asked, cache hits as prompt_cache_hit_tokens, ": keep-alive" comments.
  deepseek: {
    ...base,
    provider: "deepseek",
    basePaths: ["", "/v1"],
    keyPattern: /^sk-[a-f0-9]{32}$/,
    invalidKey: () => openaiError("Authentication Fails, Your api key: ****abcd is invalid", "authentication_error", null, "invalid_request_error"),
    refusesN: true,
    streamUsage: "include_usage",
    cacheHitFields: true,
    comment: "keep-alive",
    models: ["deepseek-chat", "deepseek-reasoner"],
  },
  // https://openrouter.ai/docs: usage always (a usage-only chunk), processing comments, numeric error codes.
  openrouter: {
    ...base,
    provider: "openrouter",
    serves: ["embeddings"],
    basePaths: ["/api/v1"],
    keyPattern: /^sk-or-v1-[a-f0-9]+$/,
    invalidKey: () => ({ error: { code: 401, message: "No auth credentials found" } }),
    error: (message, status) => ({ error: { code: status, message } }),
    refusesN: true,
    streamUsage: "usage_chunk",
    comment: "OPENROUTER PROCESSING",
    models: ["openai/gpt-4o-mini", "anthropic/claude-sonnet-4.5", "google/gemini-2.5-flash"],
  },
  // https://docs.together.ai/reference/chat-completions-1: usage on the last chunk.
  together: {
    ...base,
    provider: "together",
    serves: ["embeddings"],
    basePaths: ["/v1"],
    keyPattern: /^(tgp_v1_[A-Za-z0-9_-]+|[a-f0-9]{64})$/,
    invalidKey: () => ({ id: "fake", error: { message: "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.", type: "invalid_request_error", param: null, code: "invalid_api_key" } }),
    models: ["meta-llama/Llama-3.3-70B-Instruct-Turbo", "openai/gpt-oss-120b"],
  },
  // https://docs.fireworks.ai/api-reference: usage on the last chunk.
  fireworks: {
    ...base,
    provider: "fireworks",
    serves: ["embeddings"],
    basePaths: ["/inference/v1"],
    keyPattern: /^(fw_[A-Za-z0-9]+|[A-Za-z0-9]{48})$/,
    invalidKey: () => ({ error: { object: "error", type: "invalid_request_error", code: "unauthorized", message: "The API key you provided is invalid." } }),
    models: ["accounts/fireworks/models/gpt-oss-120b", "accounts/fireworks/models/deepseek-v4-flash"],
  },
  // https://inference-docs.cerebras.ai/api-reference/chat-completions: usage (and time_info) on the last chunk.
  cerebras: {
    ...base,
    provider: "cerebras",
    basePaths: ["/v1"],
    keyPattern: /^csk-[A-Za-z0-9]+$/,
    invalidKey: () => ({ message: "Wrong API Key", type: "invalid_request_error", param: "api_key", code: "wrong_api_key" }),
    error: (message, status) => ({ message, type: typeFor(status), param: null, code: null }),
    refusedParams: ["frequency_penalty", "presence_penalty", "logit_bias"],
    refusesN: true,
    outputLimitFields: ["max_completion_tokens", "max_tokens"],
    models: ["gpt-oss-120b", "zai-glm-4.7"],
  },
  // https://docs.perplexity.ai: usage on every chunk, citations and search_results, streams that just end.
  perplexity: {
    ...base,
    provider: "perplexity",
    basePaths: [""],
    keyPattern: /^pplx-[A-Za-z0-9]+$/,
    invalidKey: () => ({ error: { message: "Invalid API key provided.", type: "invalid_api_key", code: 401 } }),
    refusesTools: true,
    refusesN: true,
    streamUsage: "every_chunk",
    sendsDone: false,
    extras: { citations: ["https://example.com/fake-source"], search_results: [{ title: "Fake source", url: "https://example.com/fake-source" }] },
    models: ["sonar", "sonar-pro", "sonar-reasoning-pro"],
  },
};
