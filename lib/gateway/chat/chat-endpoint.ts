// POST /v1/chat/completions: OpenAI's Chat Completions wire format, over every provider. The
// parser is lib/chat-api's strict schema; the forwarder is each provider's adapter in
// lib/providers (request translation, answer and stream back to OpenAI's shapes, errors).
import { parseChatRequest, type ChatRequest } from "../../chat-api/chat-request";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { boundRequest } from "../../limits/request-bounds";
import { getProviderAdapter } from "../../providers/adapters";
import type { GatewayEndpoint } from "../endpoint";
import { openAIErrorBody } from "../gateway-error";
import { deliveredBytesOf } from "./delivered-bytes";

/** `Authorization: Bearer 1r_…`, as OpenAI's clients send their key. */
export function readBearerToken(request: Request): string | null {
  return /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
}

const completionId = (requestId: string) => `chatcmpl-${requestId.slice(4)}`;

/**
 * The call with the bounds' output limit in place of the client's (fit output to budget lowered
 * it): whichever of max_tokens and max_completion_tokens the client sent carries the new limit.
 */
export function withOutputLimit(call: ChatRequest, limit: number | null): ChatRequest {
  if (limit === null || (call.max_tokens === undefined && call.max_completion_tokens === undefined)) return call;
  return {
    ...call,
    ...(call.max_tokens !== undefined ? { max_tokens: limit } : {}),
    ...(call.max_completion_tokens !== undefined ? { max_completion_tokens: limit } : {}),
  };
}

export const chatCompletionsEndpoint: GatewayEndpoint<ChatRequest> = {
  api: "chat",
  parser: {
    readToken: readBearerToken,
    parse({ body }) {
      const parsed = parseChatRequest(body);
      if (!parsed.ok) throw new GatewayRequestError({ param: parsed.param, message: parsed.message, code: parsed.code });
      const chat = parsed.request;
      // Priority processing is billed at other rates than the pricing table knows: refuse it
      // rather than under-count (flex is cheaper, so counting it at standard rates over-counts).
      if (chat.service_tier === "priority" || chat.service_tier === "scale") {
        throw new GatewayRequestError({ param: "service_tier", code: "unsupported_value", message: `service_tier "${chat.service_tier}" is not supported by 1Relay yet: its price is not in the pricing table. Use "auto", "default" or "flex".` });
      }
      return { call: chat, model: chat.model, stream: chat.stream === true };
    },
    bound: ({ call, target }) => boundRequest({ provider: target.provider, upstreamModel: target.upstreamModel, request: call }),
  },
  forwarder: {
    // The bound the reservation used goes upstream when the client set none (issue 13), and in
    // place of the client's when it was fitted to the budget: the provider then stops where the
    // budget was held.
    sendsOutputBound: true,
    buildRequest({ call, target, apiKey, baseUrl, bounds }) {
      const limit = bounds?.forwardOutputTokens ?? null;
      return getProviderAdapter(target.provider).buildRequest({ request: withOutputLimit(call, limit), upstreamModel: target.upstreamModel, apiKey, baseUrl, maxOutputTokens: limit ?? undefined });
    },
    readAnswer({ target, clientModel, body, requestId, nowSeconds }) {
      const { completion, usage } = getProviderAdapter(target.provider).parseResponse({ body, model: clientModel, id: completionId(requestId), created: nowSeconds });
      return {
        body: completion,
        usage,
        deliveredBytes: () => completion.choices.reduce((n, c) => n + deliveredBytesOf(`data: ${JSON.stringify({ choices: [{ delta: c.message }] })}`), 0),
      };
    },
    openStream({ call, target, clientModel, requestId, nowSeconds }) {
      const translator = getProviderAdapter(target.provider).createStreamTranslator({ model: clientModel, id: completionId(requestId), created: nowSeconds, includeUsage: call.stream_options?.include_usage === true });
      return {
        push: (event) => translator.push(event),
        end: () => translator.end(),
        usage: () => translator.usage(),
        failed: () => translator.error() !== null,
        deliveredBytes: deliveredBytesOf,
        // Just before [DONE] or the error event, as the last thing a client reads.
        withCostComment(finalFrames, comment) {
          const at = finalFrames.findIndex((f) => f.startsWith("data: [DONE]") || f.startsWith('data: {"error"'));
          return at >= 0 ? [...finalFrames.slice(0, at), comment, ...finalFrames.slice(at)] : [...finalFrames, comment];
        },
      };
    },
    readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
    errorBody: openAIErrorBody,
  },
};
