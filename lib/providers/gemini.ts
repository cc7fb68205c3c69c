import { joinUpstreamUrl } from "./base-url";
import { enforceFieldPolicy } from "./enforce-field-policy";
import { buildGeminiBody } from "./gemini-request";
import { geminiToCompletion } from "./gemini-response";
import { createGeminiStreamTranslator } from "./gemini-stream";
import type { ProviderAdapter } from "./types";
import { buildUpstreamError, parseJsonText } from "./upstream-error";

// Gemini API (generativelanguage, v1beta). The key goes in x-goog-api-key, never in the URL;
// the model is one encoded path segment.

type Json = Record<string, unknown>;

/** Google answers a wrong key with 400 INVALID_ARGUMENT and reason API_KEY_INVALID, not 401. */
function isInvalidKey(error: Json | undefined): boolean {
  const details = Array.isArray(error?.details) ? (error.details as Json[]) : [];
  return details.some((d) => d?.reason === "API_KEY_INVALID");
}

export const geminiAdapter: ProviderAdapter = {
  id: "gemini",

  buildRequest({ request, upstreamModel, apiKey, baseUrl, maxOutputTokens }) {
    enforceFieldPolicy({ provider: "gemini", request });
    const method = request.stream ? "streamGenerateContent?alt=sse" : "generateContent";
    return {
      url: joinUpstreamUrl({ baseUrl, path: `/v1beta/models/${encodeURIComponent(upstreamModel)}:${method}` }),
      headers: {
        "x-goog-api-key": apiKey,
        "content-type": "application/json",
        accept: request.stream ? "text/event-stream" : "application/json",
      },
      body: JSON.stringify(buildGeminiBody({ request, maxOutputTokens })),
    };
  },

  parseResponse: (input) => geminiToCompletion(input),

  createStreamTranslator: (input) => createGeminiStreamTranslator(input),

  parseError({ status, bodyText, secrets }) {
    // {"error":{"code","message","status","details"}} (https://ai.google.dev/gemini-api/docs/troubleshooting)
    const error = (parseJsonText(bodyText) as { error?: Json } | undefined)?.error;
    const message = typeof error?.message === "string" ? error.message : undefined;
    const override = isInvalidKey(error) ? { status: 401, type: "authentication_error", code: "provider_key_invalid" } : {};
    return buildUpstreamError({ provider: "gemini", status, upstreamMessage: message, secrets, override });
  },
};
