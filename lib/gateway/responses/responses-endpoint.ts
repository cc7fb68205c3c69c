// POST /v1/responses: OpenAI's Responses API, for the providers whose registry row serves it
// (OpenAI, and those that speak it at <base>/responses). The body is checked and re-serialised
// (responses-request.ts), sent with store=false and the reserved output bound, and the answer
// passed back as the provider wrote it, its usage read from `usage` (decision 018).
import { PROVIDERS } from "../../providers/registry";
import { joinUpstreamUrl } from "../../providers/base-url";
import { getProviderAdapter } from "../../providers/adapters";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import { readBearerToken } from "../chat/chat-endpoint";
import type { GatewayDeps } from "../deps";
import type { GatewayEndpoint } from "../endpoint";
import { GatewayError, openAIErrorBody } from "../gateway-error";
import { runGatewayPipeline } from "../pipeline";
import { boundResponsesCall } from "./responses-bounds";
import { deliveredBytesOfOutput } from "./responses-delivered";
import { parseResponsesRequest, type ResponsesCall } from "./responses-request";
import { createResponsesStreamRelay } from "./responses-stream";
import { readResponsesUsage } from "./responses-usage";

type Json = Record<string, unknown>;

const notServed = (provider: string, model: string) =>
  new GatewayError({
    status: 400,
    type: "invalid_request_error",
    code: "unsupported_model",
    param: "model",
    message: `The model \`${model}\` is served by ${PROVIDERS[provider as keyof typeof PROVIDERS].displayName}, which 1Relay does not reach through /v1/responses. Use /v1/chat/completions for it.`,
  });

export const responsesEndpoint: GatewayEndpoint<ResponsesCall> = {
  api: "responses",
  parser: {
    outputLimitParam: "max_output_tokens",
    readToken: readBearerToken,
    parse({ body }) {
      const call = parseResponsesRequest(body);
      return { call, model: call.model, stream: call.stream };
    },
    bound({ call, target }) {
      if (!PROVIDERS[target.provider].endpoints.responses) throw notServed(target.provider, call.model);
      return boundResponsesCall({ call, target });
    },
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl, bounds }) {
      const forward = bounds?.forwardOutputTokens ?? null;
      const body: Json = { ...call.body, model: target.upstreamModel, store: false, ...(forward !== null ? { max_output_tokens: forward } : {}) };
      return {
        url: joinUpstreamUrl({ baseUrl, path: "/responses" }),
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", accept: call.stream ? "text/event-stream" : "application/json" },
        body: JSON.stringify(body),
      };
    },
    readAnswer({ body }) {
      if (!body || typeof body !== "object" || (body as Json).object !== "response") throw new UpstreamProtocolError("The provider answered without a Response object.");
      const response = body as Json;
      return { body: response, usage: readResponsesUsage(response.usage), deliveredBytes: () => deliveredBytesOfOutput(response.output) };
    },
    openStream: () => createResponsesStreamRelay(),
    readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
    errorBody: openAIErrorBody,
    answerHeaders: (call): Record<string, string> => (call.droppedTools.length > 0 ? { "x-1relay-dropped-tools": call.droppedTools.join(", ") } : {}),
  },
};

export function handleResponses({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: responsesEndpoint });
}
