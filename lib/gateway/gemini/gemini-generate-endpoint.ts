// POST /v1beta/models/{model}:generateContent and :streamGenerateContent (with ?alt=sse, or
// Google's JSON-array stream without it): Gemini's own API, for the providers whose registry
// row serves it. The body is checked and re-serialised (gemini-request.ts), the reserved output
// bound is sent as maxOutputTokens when the client set none, and the answer is passed back as
// Gemini wrote it, its usage read from usageMetadata (decision 018).
import { findPrice } from "../../limits/pricing";
import { readGeminiUsage } from "../../providers/gemini-response";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import type { GatewayDeps } from "../deps";
import type { GatewayEndpoint } from "../endpoint";
import { runGatewayPipeline } from "../pipeline";
import { boundGeminiCall } from "./gemini-bounds";
import { checkGeminiProvider, geminiErrors, geminiUpstreamRequest, readGeminiAction } from "./gemini-call";
import { deliveredBytesOfGemini } from "./gemini-delivered";
import { parseGenerateBody, type GeminiGenerateCall } from "./gemini-request";
import { createGeminiStreamRelay } from "./gemini-stream";
import { readGeminiToken } from "./gemini-token";

type Json = Record<string, unknown>;

export const geminiGenerateEndpoint: GatewayEndpoint<GeminiGenerateCall> = {
  api: "gemini",
  parser: {
    outputLimitParam: "generationConfig.maxOutputTokens",
    readToken: readGeminiToken,
    parse({ body, request }) {
      const { model, method } = readGeminiAction(request, ["generateContent", "streamGenerateContent"]);
      const parsed = parseGenerateBody(body);
      const stream = method === "streamGenerateContent";
      const sse = stream && new URL(request.url).searchParams.get("alt") === "sse";
      return { call: { body: parsed.body, model, stream, sse, countable: parsed.countable }, model, stream };
    },
    bound({ call, target }) {
      checkGeminiProvider({ target, model: call.model });
      const price = findPrice({ provider: target.provider, model: target.upstreamModel });
      if (!price) return null;
      const config = (call.body.generationConfig ?? {}) as Json;
      return boundGeminiCall({ countable: call.countable, provider: target.provider, price, maxOutputTokens: config.maxOutputTokens as number | undefined, candidates: (config.candidateCount as number | undefined) ?? 1 });
    },
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl, bounds }) {
      const forward = bounds?.forwardOutputTokens ?? null;
      const config = (call.body.generationConfig ?? {}) as Json;
      const body = forward === null ? call.body : { ...call.body, generationConfig: { ...config, maxOutputTokens: forward } };
      return geminiUpstreamRequest({ baseUrl, apiKey, model: target.upstreamModel, method: call.stream ? "streamGenerateContent" : "generateContent", body, sse: call.stream });
    },
    readAnswer({ body }) {
      if (!body || typeof body !== "object" || Array.isArray(body)) throw new UpstreamProtocolError("Gemini answered without a GenerateContentResponse.");
      const response = body as Json;
      return { body: response, usage: response.usageMetadata === undefined ? null : readGeminiUsage(response.usageMetadata), deliveredBytes: () => deliveredBytesOfGemini(response) };
    },
    openStream: ({ call }) => createGeminiStreamRelay({ sse: call.sse }),
    ...geminiErrors,
  },
};

export function handleGeminiGenerate({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: geminiGenerateEndpoint });
}
