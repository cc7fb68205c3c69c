import { joinUpstreamUrl } from "./base-url";
import { enforceFieldPolicy } from "./enforce-field-policy";
import { buildCompatibleBody } from "./openai-compatible-request";
import { normalizeCompletion } from "./openai-compatible-content";
import { readCompatibleUsage } from "./openai-compatible-usage";
import { createOpenAIStreamTranslator } from "./openai-stream";
import { PROVIDERS } from "./registry";
import type { OpenAIWire, ProviderSpec } from "./registry/provider-spec";
import type { ChatCompletion, ProviderAdapter } from "./types";
import { buildUpstreamError, parseJsonText } from "./upstream-error";
import { UpstreamProtocolError } from "./upstream-protocol-error";

// OpenAI's Chat Completions wire format, for OpenAI and every provider that speaks it. What
// differs per provider is data in its registry row (lib/providers/registry): path, output-limit
// field, how a stream reports usage, fields it cannot honour. OpenAI is the reference: its
// validated request is re-serialised with the upstream model name (never the raw body), and
// streaming always asks for usage so every request can be metered.

type Json = Record<string, unknown>;

/** The provider's error message: OpenAI's {"error":{"message"}}, Mistral's top-level message, a 422's detail. */
function upstreamMessage(json: Json | undefined): string | undefined {
  const error = json?.error;
  if (error && typeof error === "object" && typeof (error as Json).message === "string") return (error as Json).message as string;
  if (typeof error === "string") return error;
  if (typeof json?.message === "string") return json.message;
  if (json?.message && typeof json.message === "object") return JSON.stringify(json.message);
  if (json?.detail !== undefined) return typeof json.detail === "string" ? json.detail : JSON.stringify(json.detail);
  return undefined;
}

export function createOpenAICompatibleAdapter(spec: ProviderSpec): ProviderAdapter {
  if (spec.wire.family !== "openai") throw new TypeError(`${spec.id} does not speak OpenAI's Chat Completions.`);
  const wire: OpenAIWire = spec.wire;
  const provider = spec.id;
  const reference = provider === "openai";

  return {
    id: provider,

    buildRequest({ request, upstreamModel, apiKey, baseUrl, maxOutputTokens }) {
      enforceFieldPolicy({ provider, request });
      return {
        url: joinUpstreamUrl({ baseUrl, path: wire.chatPath }),
        headers: {
          authorization: `Bearer ${apiKey}`,
          "content-type": "application/json",
          accept: request.stream ? "text/event-stream" : "application/json",
        },
        body: JSON.stringify(buildCompatibleBody({ spec, wire, request, upstreamModel, maxOutputTokens })),
      };
    },

    parseResponse({ body }) {
      if (!body || typeof body !== "object" || !Array.isArray((body as Json).choices)) {
        throw new UpstreamProtocolError(`${spec.shortName} answered without choices.`);
      }
      if (!reference) normalizeCompletion(body as Json);
      const completion = body as ChatCompletion;
      return { completion, usage: readCompatibleUsage(completion.usage, wire) };
    },

    createStreamTranslator: (input) => createOpenAIStreamTranslator({ ...input, spec }),

    parseError({ status, bodyText, secrets }) {
      const json = parseJsonText(bodyText) as Json | undefined;
      const message = upstreamMessage(json);
      const keyRejected = wire.keyRejection && status === wire.keyRejection.status && wire.keyRejection.message.test(message ?? "");
      const override = keyRejected ? { status: 401, type: "authentication_error", code: "provider_key_invalid" } : {};
      const upstream = buildUpstreamError({ provider, status, upstreamMessage: message, secrets, override });
      if (!reference || upstream.code === "provider_key_invalid" || status >= 500) return upstream;
      // OpenAI's own type, code and param are already in the vocabulary OpenAI clients expect.
      const error = json?.error as { type?: unknown; code?: unknown; param?: unknown } | undefined;
      return {
        ...upstream,
        type: typeof error?.type === "string" ? error.type : upstream.type,
        code: typeof error?.code === "string" ? error.code : upstream.code,
        param: typeof error?.param === "string" ? error.param : null,
      };
    },
  };
}

export const openaiAdapter: ProviderAdapter = createOpenAICompatibleAdapter(PROVIDERS.openai);
