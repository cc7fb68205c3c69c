// POST /v1/messages (Anthropic's Messages API, as Claude Code and the Anthropic SDKs call it,
// ?beta=true included): the body parsed strictly and re-serialised, the version and allowed
// betas passed on, the answer relayed in Anthropic's own shape, JSON or stream, with usage read
// from Anthropic's usage fields. Another provider's model (Claude Code driving gpt-* or
// gemini-*) is reached through Chat Completions: the body translated for that provider's adapter
// (translate/messages-to-chat.ts), its answer and stream translated back (translate/).
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { boundRequest } from "../../limits/request-bounds";
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
import { toAnthropicMessage } from "./translate/chat-to-message";
import { createChunksToEventsRelay } from "./translate/chunks-to-events";
import { toChatRequest } from "./translate/messages-to-chat";

export interface MessagesCall {
  body: MessagesBody;
  headers: AnthropicHeaders;
}

const isAnthropic = (target: CallTarget) => PROVIDERS[target.provider].wire.family === "anthropic";
const messageId = (requestId: string) => `msg_${requestId.slice(4)}`;

/** count_tokens is Anthropic's own: it counts only Anthropic's models. */
export function requireAnthropicTarget({ target, model }: { target: CallTarget; model: string }): void {
  if (isAnthropic(target)) return;
  throw new GatewayRequestError({
    param: "model",
    code: "model_not_supported",
    message: `${model} is a ${PROVIDERS[target.provider].displayName} model: /v1/messages/count_tokens counts only Anthropic's models.`,
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
      if (!isAnthropic(target)) return boundRequest({ provider: target.provider, upstreamModel: target.upstreamModel, request: toChatRequest(call.body) });
      return boundMessagesCall({ body: call.body, provider: target.provider, upstreamModel: target.upstreamModel });
    },
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl, bounds }) {
      if (!isAnthropic(target)) return getProviderAdapter(target.provider).buildRequest({ request: toChatRequest(call.body), upstreamModel: target.upstreamModel, apiKey, baseUrl, maxOutputTokens: bounds?.forwardOutputTokens ?? undefined });
      return buildAnthropicRequest({ path: "/v1/messages", body: { ...call.body, model: target.upstreamModel }, headers: call.headers, apiKey, baseUrl, stream: call.body.stream === true });
    },
    readAnswer({ target, clientModel, body, requestId, nowSeconds }) {
      if (isAnthropic(target)) return readMessagesAnswer(body);
      const { completion, usage } = getProviderAdapter(target.provider).parseResponse({ body, model: clientModel, id: messageId(requestId), created: nowSeconds });
      const message = toAnthropicMessage({ completion, usage, model: clientModel, id: messageId(requestId) });
      return { body: message, usage, deliveredBytes: () => readMessagesAnswer(message).deliveredBytes() };
    },
    openStream({ target, clientModel, requestId, nowSeconds }) {
      if (isAnthropic(target)) return createMessagesStreamRelay();
      const chat = getProviderAdapter(target.provider).createStreamTranslator({ model: clientModel, id: messageId(requestId), created: nowSeconds, includeUsage: true });
      return createChunksToEventsRelay({ chat, id: messageId(requestId), model: clientModel });
    },
    readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
    errorBody: anthropicErrorBody,
  },
};
