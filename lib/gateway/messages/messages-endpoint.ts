// POST /v1/messages (Anthropic's Messages API, as Claude Code and the Anthropic SDKs call it,
// ?beta=true included): the body parsed strictly and re-serialised, the version and allowed
// betas passed on, the answer relayed in Anthropic's own shape, JSON or stream, with usage read
// from Anthropic's usage fields. Served for Anthropic's models; another provider's model is
// refused with a pointer to /v1/chat/completions (translation is not built yet).
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { getProviderAdapter } from "../../providers/adapters";
import { joinUpstreamUrl } from "../../providers/base-url";
import { PROVIDERS } from "../../providers/registry";
import type { UpstreamRequest } from "../../providers/types";
import type { CallTarget, GatewayEndpoint } from "../endpoint";
import { anthropicErrorBody } from "./anthropic-error-body";
import { readAnthropicHeaders, readAnthropicToken, type AnthropicHeaders } from "./anthropic-headers";
import { readMessagesAnswer } from "./messages-answer";
import { boundMessagesCall } from "./messages-bounds";
import { messagesBodySchema, parseMessagesBody, type MessagesBody } from "./messages-request";
import { createMessagesStreamRelay } from "./messages-stream";

export interface MessagesCall {
  body: MessagesBody;
  headers: AnthropicHeaders;
}

/** Only Anthropic's own API serves Anthropic's wire format here. */
export function requireAnthropicTarget({ target, model }: { target: CallTarget; model: string }): void {
  if (PROVIDERS[target.provider].wire.family === "anthropic") return;
  throw new GatewayRequestError({
    param: "model",
    code: "model_not_supported",
    message: `${model} is a ${PROVIDERS[target.provider].displayName} model: /v1/messages serves Anthropic's models. Call it through /v1/chat/completions (OpenAI's format), which serves every provider.`,
  });
}

/** The upstream request: the re-serialised body, the key in x-api-key only, the version and the allowed betas. */
export function buildAnthropicRequest({ path, body, headers, apiKey, baseUrl, stream }: { path: string; body: object; headers: AnthropicHeaders; apiKey: string; baseUrl: string; stream: boolean }): UpstreamRequest {
  return {
    url: joinUpstreamUrl({ baseUrl, path }),
    headers: {
      "x-api-key": apiKey,
      "anthropic-version": headers.version,
      ...(headers.betas.length > 0 ? { "anthropic-beta": headers.betas.join(",") } : {}),
      "content-type": "application/json",
      accept: stream ? "text/event-stream" : "application/json",
    },
    body: JSON.stringify(body),
  };
}

export const messagesEndpoint: GatewayEndpoint<MessagesCall> = {
  api: "messages",
  parser: {
    readToken: readAnthropicToken,
    parse({ body, request }) {
      const headers = readAnthropicHeaders(request);
      const parsed = parseMessagesBody({ body, schema: messagesBodySchema });
      return { call: { body: parsed, headers }, model: parsed.model, stream: parsed.stream === true };
    },
    bound({ call, target }) {
      requireAnthropicTarget({ target, model: call.body.model });
      return boundMessagesCall({ body: call.body, provider: target.provider, upstreamModel: target.upstreamModel });
    },
  },
  forwarder: {
    buildRequest: ({ call, target, apiKey, baseUrl }) =>
      buildAnthropicRequest({ path: "/v1/messages", body: { ...call.body, model: target.upstreamModel }, headers: call.headers, apiKey, baseUrl, stream: call.body.stream === true }),
    readAnswer: ({ body }) => readMessagesAnswer(body),
    openStream: () => createMessagesStreamRelay(),
    readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
    errorBody: anthropicErrorBody,
  },
};
