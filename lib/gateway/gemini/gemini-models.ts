// GET /v1beta/models and GET /v1beta/models/{model}: the Gemini models this token may use, in
// Gemini's Model shape (https://ai.google.dev/api/models), from the verified policy alone (like
// /v1/models: authenticate, no admission, nothing upstream): every priced generation and
// embedding model of the providers it may reach through Gemini's API, or only its listed ones.
import type { ConnectionPolicy } from "../../connections/wire";
import { listPrices } from "../../limits/pricing";
import { PROVIDERS } from "../../providers/registry";
import type { ProviderId } from "../../providers/types";
import { createGatewayContext } from "../context";
import type { GatewayDeps } from "../deps";
import { GatewayError, gatewayErrorResponse } from "../gateway-error";
import { authenticateTokenView, tokenViewJson } from "../token-view";
import { geminiErrorBody } from "./gemini-errors";
import { geminiModelProblem, parseGeminiModelPath } from "./gemini-path";
import { readGeminiToken } from "./gemini-token";

export interface GeminiModel {
  name: string;
  baseModelId: string;
  version: string;
  displayName: string;
  description: string;
  outputTokenLimit?: number;
  supportedGenerationMethods: string[];
}

function geminiModelsFor(policy: ConnectionPolicy): GeminiModel[] {
  const providers = policy.providers.filter((p): p is ProviderId => p in PROVIDERS && PROVIDERS[p as ProviderId].endpoints.geminiNative);
  const allowed = (model: string) => policy.models.length === 0 || policy.models.includes(model);
  const generation = listPrices()
    .filter((price) => providers.includes(price.provider) && allowed(price.model))
    .map((price) => ({ id: price.model, outputTokenLimit: price.maxOutputTokens, methods: ["generateContent", "streamGenerateContent", "countTokens"] }));
  const embedding = providers.flatMap((p) => PROVIDERS[p].embeddingPrices.filter((e) => allowed(e.model)).map((e) => ({ id: e.model, outputTokenLimit: undefined, methods: ["embedContent", "batchEmbedContents"] })));
  return [...generation, ...embedding].map(({ id, outputTokenLimit, methods }) => ({
    name: `models/${id}`,
    baseModelId: id,
    version: "001",
    displayName: id,
    description: `${id} through 1Relay`,
    ...(outputTokenLimit ? { outputTokenLimit } : {}),
    supportedGenerationMethods: methods,
  }));
}

export async function handleGeminiModels({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  const ctx = createGatewayContext({ request, deps });
  try {
    const models = geminiModelsFor((await authenticateTokenView({ ctx, token: readGeminiToken(request), allowPaused: false })).policy);
    const one = parseGeminiModelPath(new URL(request.url).pathname);
    if (one === null) return tokenViewJson({ models }, ctx.requestId);
    const found = geminiModelProblem(one) === null ? models.find((m) => m.baseModelId === one) : undefined;
    if (!found) throw new GatewayError({ status: 404, type: "invalid_request_error", code: "model_not_found", param: "model", message: `models/${one} is not found, or this token may not use it.` });
    return tokenViewJson(found, ctx.requestId);
  } catch (error) {
    return gatewayErrorResponse({ error, requestId: ctx.requestId, errorBody: (described) => geminiErrorBody(described) });
  }
}
