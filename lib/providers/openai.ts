import { joinUpstreamUrl } from "./base-url";
import { createOpenAIStreamTranslator } from "./openai-stream";
import { readOpenAIUsage, emptyUsage } from "./openai-usage";
import type { ChatCompletion, ProviderAdapter } from "./types";
import { buildUpstreamError, parseJsonText } from "./upstream-error";
import { UpstreamProtocolError } from "./upstream-protocol-error";

// OpenAI is the reference: the validated request is re-serialised (never the raw body) with
// the upstream model name, and streaming always asks for usage so every request can be
// metered; the translator strips the usage chunk again when the client did not ask for it.

export const openaiAdapter: ProviderAdapter = {
  id: "openai",

  buildRequest({ request, upstreamModel, apiKey, baseUrl, maxOutputTokens }) {
    const body = { ...request, model: upstreamModel };
    // The limit the budget was reserved for, when the client gave none (max_tokens is refused by reasoning models).
    if (body.max_completion_tokens === undefined && body.max_tokens === undefined && maxOutputTokens !== undefined) body.max_completion_tokens = maxOutputTokens;
    if (request.stream) body.stream_options = { ...request.stream_options, include_usage: true };
    return {
      url: joinUpstreamUrl({ baseUrl, path: "/chat/completions" }),
      headers: {
        authorization: `Bearer ${apiKey}`,
        "content-type": "application/json",
        accept: request.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(body),
    };
  },

  parseResponse({ body }) {
    if (!body || typeof body !== "object" || !Array.isArray((body as { choices?: unknown }).choices)) {
      throw new UpstreamProtocolError("OpenAI answered without choices.");
    }
    const completion = body as ChatCompletion;
    return { completion, usage: readOpenAIUsage(completion.usage) ?? emptyUsage() };
  },

  createStreamTranslator: (input) => createOpenAIStreamTranslator(input),

  parseError({ status, bodyText, secrets }) {
    const json = parseJsonText(bodyText) as { error?: { message?: unknown; type?: unknown; code?: unknown; param?: unknown } } | undefined;
    const error = json?.error;
    const message = typeof error?.message === "string" ? error.message : undefined;
    const upstream = buildUpstreamError({ provider: "openai", status, upstreamMessage: message, secrets });
    if (upstream.code === "provider_key_invalid" || status >= 500) return upstream;
    // OpenAI's own type, code and param are already in the vocabulary OpenAI clients expect.
    return {
      ...upstream,
      type: typeof error?.type === "string" ? error.type : upstream.type,
      code: typeof error?.code === "string" ? error.code : upstream.code,
      param: typeof error?.param === "string" ? error.param : null,
    };
  },
};
