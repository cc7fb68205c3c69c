// POST /v1beta/models/{model}:countTokens: forwarded, not billed. It goes through the same token
// check, scope and rate limit as generateContent, with a price of 0 and bounds of 0 tokens, so
// its usage record says $0 and no tokens, and it is answered even when the budget is spent.
import { z } from "zod";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { freeCallPrice } from "../../limits/free-price";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import type { GatewayDeps } from "../deps";
import type { GatewayEndpoint } from "../endpoint";
import { runGatewayPipeline } from "../pipeline";
import { checkGeminiProvider, geminiErrors, geminiUpstreamRequest, readGeminiAction } from "./gemini-call";
import { parseGenerateBody } from "./gemini-request";
import { toCamelCaseFields } from "./gemini-proto-keys";
import { readGeminiToken } from "./gemini-token";

type Json = Record<string, unknown>;

export interface GeminiCountCall {
  body: Json;
  model: string;
}

const outer = z.strictObject({ contents: z.array(z.unknown()).optional(), generateContentRequest: z.looseObject({ model: z.string().max(200).optional() }).optional() });

function parseCountBody(value: unknown, model: string): Json {
  const camel = toCamelCaseFields(value) as Json;
  const parsed = outer.safeParse(camel);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error.issues);
    throw new GatewayRequestError({ param: issue.param, message: issue.message, code: issue.code });
  }
  const { contents, generateContentRequest } = parsed.data;
  if ((contents === undefined) === (generateContentRequest === undefined)) throw new GatewayRequestError({ param: "contents", message: "Send either 'contents' or 'generateContentRequest'.", code: "invalid_value" });
  if (contents !== undefined) return { contents: parseGenerateBody({ contents }).body.contents };
  const { model: inner, ...request } = generateContentRequest!;
  if (inner !== undefined && inner !== `models/${model}`) throw new GatewayRequestError({ param: "generateContentRequest.model", message: `Invalid 'generateContentRequest.model': must be models/${model}, the model in the path.`, code: "invalid_value" });
  return { generateContentRequest: { model: `models/${model}`, ...parseGenerateBody(request).body } };
}

export const geminiCountTokensEndpoint: GatewayEndpoint<GeminiCountCall> = {
  api: "gemini",
  parser: {
    readToken: readGeminiToken,
    parse({ body, request }) {
      const { model } = readGeminiAction(request, ["countTokens"]);
      return { call: { body: parseCountBody(body, model), model }, model, stream: false };
    },
    bound({ call, target }) {
      checkGeminiProvider({ target, model: call.model });
      return { maxInputTokens: 0, maxOutputTokens: 0, images: 0, forwardOutputTokens: null };
    },
    price: ({ target }) => freeCallPrice({ provider: target.provider, model: target.upstreamModel }),
  },
  forwarder: {
    buildRequest({ call, target, apiKey, baseUrl }) {
      const body = call.body.generateContentRequest ? { generateContentRequest: { ...(call.body.generateContentRequest as Json), model: `models/${target.upstreamModel}` } } : call.body;
      return geminiUpstreamRequest({ baseUrl, apiKey, model: target.upstreamModel, method: "countTokens", body, sse: false });
    },
    readAnswer({ body }) {
      if (!body || typeof body !== "object" || typeof (body as Json).totalTokens !== "number") throw new UpstreamProtocolError("Gemini answered without a token count.");
      return { body, usage: null, deliveredBytes: () => 0 };
    },
    openStream: () => {
      throw new TypeError("countTokens is never streamed");
    },
    ...geminiErrors,
  },
};

export function handleGeminiCountTokens({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return runGatewayPipeline({ request, deps, endpoint: geminiCountTokensEndpoint });
}
