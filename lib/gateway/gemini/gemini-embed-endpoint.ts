// POST /v1beta/models/{model}:embedContent and :batchEmbedContents: Gemini's embeddings in its
// own shape (what @google/genai's embedContent sends), priced at the registry's embedding rate,
// input tokens only. Each request's model must be the one in the path, as Google requires.
import { z } from "zod";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { ITEM_ALLOWANCE_TOKENS, MAX_IMAGE_TOKENS, utf8ByteLength } from "../../limits/request-bounds";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import type { GatewayDeps } from "../deps";
import type { GatewayEndpoint } from "../endpoint";
import { findEmbeddingPrice } from "../embeddings/embedding-price";
import { readGeminiEmbeddingUsage } from "../embeddings/gemini-embeddings";
import { runGatewayPipeline } from "../pipeline";
import { checkGeminiProvider, geminiErrors, geminiUpstreamRequest, readGeminiAction } from "./gemini-call";
import type { GeminiMethod } from "./gemini-path";
import { inspectGeminiContents } from "./gemini-parts";
import { toCamelCaseFields } from "./gemini-proto-keys";
import { readGeminiToken } from "./gemini-token";

type Json = Record<string, unknown>;

const embedRequest = z.strictObject({
  model: z.string().max(200).optional(),
  content: z.looseObject({ role: z.enum(["user", "model"]).optional(), parts: z.array(z.looseObject({})).min(1).max(1_024) }),
  taskType: z.string().max(64).optional(),
  title: z.string().max(100_000).optional(),
  outputDimensionality: z.int().min(1).max(65_536).optional(),
});
const batchRequest = z.strictObject({ requests: z.array(embedRequest).min(1).max(250) });

export interface GeminiEmbedCall {
  method: Extract<GeminiMethod, "embedContent" | "batchEmbedContents">;
  model: string;
  requests: Json[];
  countable: { json: string; items: number; images: number };
}

function parseEmbedBody({ value, method, model }: { value: unknown; method: GeminiEmbedCall["method"]; model: string }): Json[] {
  const camel = toCamelCaseFields(value);
  const parsed = method === "embedContent" ? embedRequest.safeParse(camel) : batchRequest.safeParse(camel);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error.issues);
    throw new GatewayRequestError({ param: issue.param, message: issue.message, code: issue.code });
  }
  const requests = "requests" in parsed.data ? parsed.data.requests : [parsed.data];
  requests.forEach((r, i) => {
    if (r.model !== undefined && r.model !== `models/${model}`) {
      const param = method === "embedContent" ? "model" : `requests[${i}].model`;
      throw new GatewayRequestError({ param, message: `Invalid '${param}': must be models/${model}, the model in the path.`, code: "invalid_value" });
    }
  });
  return requests as Json[];
}

export const geminiEmbedEndpoint: GatewayEndpoint<GeminiEmbedCall> = {
  api: "gemini",
  parser: {
    readToken: readGeminiToken,
    parse({ body, request }) {
      const { model, method } = readGeminiAction(request, ["embedContent", "batchEmbedContents"]);
      const embedMethod = method as GeminiEmbedCall["method"];
      const requests = parseEmbedBody({ value: body, method: embedMethod, model });
      const { textOnly, images } = inspectGeminiContents(requests.map((r) => ({ content: r.content, title: r.title })), [embedMethod === "embedContent" ? "content" : "requests"]);
      return { call: { method: embedMethod, model, requests, countable: { json: JSON.stringify(textOnly), items: requests.length, images } }, model, stream: false };
    },
    bound({ call, target }) {
      checkGeminiProvider({ target, model: call.model });
      if (!findEmbeddingPrice({ provider: target.provider, model: target.upstreamModel })) return null;
      const { json, items, images } = call.countable;
      return { maxInputTokens: utf8ByteLength(json) + items * ITEM_ALLOWANCE_TOKENS + images * MAX_IMAGE_TOKENS[target.provider], maxOutputTokens: 0, images, forwardOutputTokens: null };
    },
    price: ({ target }) => findEmbeddingPrice({ provider: target.provider, model: target.upstreamModel }),
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl }) {
      const named = call.requests.map((r) => ({ ...r, model: `models/${target.upstreamModel}` }));
      const body = call.method === "embedContent" ? named[0] : { requests: named };
      return geminiUpstreamRequest({ baseUrl, apiKey, model: target.upstreamModel, method: call.method, body, sse: false });
    },
    readAnswer({ call, body }) {
      const answer = body as Json | null;
      const ok = call.method === "embedContent" ? typeof answer?.embedding === "object" : Array.isArray(answer?.embeddings);
      if (!answer || !ok) throw new UpstreamProtocolError("Gemini answered without embeddings.");
      const usage = readGeminiEmbeddingUsage(call.method === "embedContent" ? { ...answer, embeddings: [answer.embedding] } : answer);
      return { body: answer, usage, deliveredBytes: () => 0 };
    },
    openStream: () => {
      throw new TypeError("embeddings are never streamed");
    },
    ...geminiErrors,
  },
};

export function handleGeminiEmbed({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: geminiEmbedEndpoint });
}
