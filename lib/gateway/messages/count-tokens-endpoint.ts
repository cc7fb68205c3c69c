// POST /v1/messages/count_tokens: forwarded to Anthropic, never billed (Anthropic does not
// charge for it), but it goes through the same token check, scope and rate limit as any
// request, and is recorded (api "count_tokens", $0). It reserves nothing: its bounds are zero.
import { findPrice } from "../../limits/pricing";
import type { GatewayEndpoint } from "../endpoint";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import { messagesEndpoint, buildAnthropicRequest, requireAnthropicTarget } from "./messages-endpoint";
import { countTokensBodySchema, parseMessagesBody, type CountTokensBody } from "./messages-request";
import { readAnthropicHeaders, type AnthropicHeaders } from "./anthropic-headers";

export interface CountTokensCall {
  body: CountTokensBody;
  headers: AnthropicHeaders;
}

export const countTokensEndpoint: GatewayEndpoint<CountTokensCall> = {
  api: "count_tokens",
  parser: {
    readToken: messagesEndpoint.parser.readToken,
    parse({ body, request }) {
      const headers = readAnthropicHeaders(request);
      const parsed = parseMessagesBody({ body, schema: countTokensBodySchema });
      return { call: { body: parsed, headers }, model: parsed.model, stream: false };
    },
    bound({ call, target }) {
      requireAnthropicTarget({ target, model: call.body.model });
      // Free: nothing to hold. A model without a price is still refused under a budget, as elsewhere.
      return findPrice({ provider: target.provider, model: target.upstreamModel }) ? { maxInputTokens: 0, maxOutputTokens: 0, images: 0, forwardOutputTokens: null } : null;
    },
  },
  forwarder: {
    buildRequest: ({ call, target, apiKey, baseUrl }) => buildAnthropicRequest({ path: "/v1/messages/count_tokens", body: { ...call.body, model: target.upstreamModel }, headers: call.headers, apiKey, baseUrl, stream: false }),
    readAnswer({ body }) {
      const count = body as { input_tokens?: unknown } | null;
      if (!count || typeof count !== "object" || typeof count.input_tokens !== "number") throw new UpstreamProtocolError("Anthropic answered count_tokens without input_tokens.");
      // No usage: nothing is billed (the zero bounds settle it at $0).
      return { body: count, usage: null, deliveredBytes: () => 0 };
    },
    openStream() {
      throw new Error("count_tokens never streams");
    },
    readUpstreamError: messagesEndpoint.forwarder.readUpstreamError,
    errorBody: messagesEndpoint.forwarder.errorBody,
  },
};
