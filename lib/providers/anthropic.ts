import { buildAnthropicBody } from "./anthropic-request";
import { anthropicToCompletion } from "./anthropic-response";
import { createAnthropicStreamTranslator } from "./anthropic-stream";
import { joinUpstreamUrl } from "./base-url";
import { enforceFieldPolicy } from "./enforce-field-policy";
import type { ProviderAdapter } from "./types";
import { buildUpstreamError, parseJsonText } from "./upstream-error";

// Anthropic Messages API, version 2023-06-01; the key goes in x-api-key only.

export const ANTHROPIC_VERSION = "2023-06-01";

export const anthropicAdapter: ProviderAdapter = {
  id: "anthropic",

  buildRequest({ request, upstreamModel, apiKey, baseUrl, maxOutputTokens }) {
    enforceFieldPolicy({ provider: "anthropic", request });
    return {
      url: joinUpstreamUrl({ baseUrl, path: "/v1/messages" }),
      headers: {
        "x-api-key": apiKey,
        "anthropic-version": ANTHROPIC_VERSION,
        "content-type": "application/json",
        accept: request.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(buildAnthropicBody({ request, upstreamModel, maxOutputTokens })),
    };
  },

  parseResponse: (input) => anthropicToCompletion(input),

  createStreamTranslator: (input) => createAnthropicStreamTranslator(input),

  parseError({ status, bodyText, secrets }) {
    // {"type":"error","error":{"type","message"},"request_id"} (https://docs.claude.com/en/api/errors)
    const json = parseJsonText(bodyText) as { error?: { message?: unknown } } | undefined;
    const message = typeof json?.error?.message === "string" ? json.error.message : undefined;
    return buildUpstreamError({ provider: "anthropic", status, upstreamMessage: message, secrets });
  },
};
