// POST /v1/embeddings: OpenAI's embeddings API for every registry provider that offers
// embeddings (decision 016's embeddingPrices): OpenAI-compatible ones receive the checked
// request as their own /embeddings call, Gemini's is translated to batchEmbedContents. Priced
// at the embedding rate, input tokens only (decision 018).
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { getProviderAdapter } from "../../providers/adapters";
import { joinUpstreamUrl } from "../../providers/base-url";
import { PROVIDERS } from "../../providers/registry";
import type { ProviderId, UpstreamRequest, Usage } from "../../providers/types";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import { readBearerToken } from "../chat/chat-endpoint";
import type { GatewayDeps } from "../deps";
import type { CallTarget, GatewayEndpoint } from "../endpoint";
import { GatewayError, openAIErrorBody } from "../gateway-error";
import { geminiUpstreamRequest } from "../gemini/gemini-call";
import { runGatewayPipeline } from "../pipeline";
import { findEmbeddingPrice, routeEmbeddingModel } from "./embedding-price";
import { boundEmbeddingInputs } from "./embeddings-bounds";
import { parseEmbeddingsRequest, type EmbeddingsCall } from "./embeddings-request";
import { buildGeminiBatchEmbed, geminiBatchToOpenAI } from "./gemini-embeddings";

type Json = Record<string, unknown>;

/** Mistral names OpenAI's `dimensions` output_dimension and refuses unknown fields; only OpenAI takes `user`. */
function compatibleBody({ call, provider, upstreamModel }: { call: EmbeddingsCall; provider: ProviderId; upstreamModel: string }): Json {
  const input = call.inputs.length === 1 && typeof call.inputs[0] === "string" ? call.inputs[0] : call.inputs;
  const dimensions = call.dimensions === undefined ? {} : provider === "mistral" ? { output_dimension: call.dimensions } : { dimensions: call.dimensions };
  return { model: upstreamModel, input, ...(call.encodingFormat ? { encoding_format: call.encodingFormat } : {}), ...dimensions, ...(provider === "openai" && call.user ? { user: call.user } : {}) };
}

function readCompatibleEmbeddings(body: unknown): { list: Json; usage: Usage | null } {
  const list = body as Json | null;
  if (!list || typeof list !== "object" || !Array.isArray(list.data)) throw new UpstreamProtocolError("The provider answered without a list of embeddings.");
  const u = list.usage as Json | undefined;
  const tokens = typeof u?.prompt_tokens === "number" ? u.prompt_tokens : typeof u?.total_tokens === "number" ? u.total_tokens : 0;
  return { list, usage: tokens > 0 ? { inputTokens: Math.floor(tokens), outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } : null };
}

const isGemini = (target: CallTarget) => PROVIDERS[target.provider].wire.family === "gemini";

const notServed = (target: CallTarget) =>
  new GatewayError({ status: 400, type: "invalid_request_error", code: "unsupported_model", param: "model", message: `${PROVIDERS[target.provider].displayName} offers no embeddings through 1Relay.` });

export const embeddingsEndpoint: GatewayEndpoint<EmbeddingsCall> = {
  api: "embeddings",
  parser: {
    readToken: readBearerToken,
    parse({ body }) {
      const call = parseEmbeddingsRequest(body);
      return { call, model: routeEmbeddingModel(call.model), stream: false };
    },
    bound({ call, target }) {
      if (!PROVIDERS[target.provider].endpoints.embeddings) throw notServed(target);
      return findEmbeddingPrice({ provider: target.provider, model: target.upstreamModel }) ? boundEmbeddingInputs(call.inputs) : null;
    },
    price: ({ target }) => findEmbeddingPrice({ provider: target.provider, model: target.upstreamModel }),
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl }): UpstreamRequest {
      if (isGemini(target)) return geminiUpstreamRequest({ baseUrl, apiKey, model: target.upstreamModel, method: "batchEmbedContents", body: buildGeminiBatchEmbed({ call, upstreamModel: target.upstreamModel }), sse: false });
      return {
        url: joinUpstreamUrl({ baseUrl, path: "/embeddings" }),
        headers: { authorization: `Bearer ${apiKey}`, "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify(compatibleBody({ call, provider: target.provider, upstreamModel: target.upstreamModel })),
      };
    },
    readAnswer({ call, target, body }) {
      const { list, usage } = isGemini(target) ? geminiBatchToOpenAI({ body, call, clientModel: call.model }) : readCompatibleEmbeddings(body);
      return { body: list, usage, deliveredBytes: () => 0 };
    },
    openStream: () => {
      throw new GatewayRequestError({ param: "stream", message: "Embeddings are never streamed.", code: "invalid_value" });
    },
    readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
    errorBody: openAIErrorBody,
  },
};

export function handleEmbeddings({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: embeddingsEndpoint });
}
