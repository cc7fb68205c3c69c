import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { countTokens } from "../../providers/openai-usage";
import type { Usage } from "../../providers/types";
import { UpstreamProtocolError } from "../../providers/upstream-protocol-error";
import type { EmbeddingsCall } from "./embeddings-request";
import { openAIEmbedding } from "./embedding-vectors";

// OpenAI's embeddings request → Gemini's batchEmbedContents (https://ai.google.dev/api/embeddings:
// one request per input, `outputDimensionality` for `dimensions`), and its answer back to
// OpenAI's list. Gemini reports tokens in usageMetadata.promptTokenCount, or per embedding in
// statistics.tokenCount; without either the call is charged by the bound rule (decision 008).

type Json = Record<string, unknown>;

export function buildGeminiBatchEmbed({ call, upstreamModel }: { call: EmbeddingsCall; upstreamModel: string }): Json {
  return {
    requests: call.inputs.map((input, index) => {
      if (typeof input !== "string") throw new GatewayRequestError({ param: `input[${index}]`, message: `Invalid 'input[${index}]': Gemini embeds text, not token ids.`, code: "invalid_value" });
      return { model: `models/${upstreamModel}`, content: { parts: [{ text: input }] }, ...(call.dimensions ? { outputDimensionality: call.dimensions } : {}) };
    }),
  };
}

/** Tokens Gemini reports for an embedding answer (null: none). */
export function readGeminiEmbeddingUsage(body: Json): Usage | null {
  const usage = body.usageMetadata as Json | undefined;
  const stats = (Array.isArray(body.embeddings) ? (body.embeddings as Json[]) : []).map((e) => (e.statistics as Json | undefined)?.tokenCount);
  const input = usage ? countTokens(usage.promptTokenCount) : stats.every((t) => typeof t === "number") && stats.length > 0 ? stats.reduce<number>((n, t) => n + countTokens(t), 0) : 0;
  return input > 0 ? { inputTokens: input, outputTokens: 0, cachedInputTokens: 0, cacheWriteTokens: 0, reasoningTokens: 0 } : null;
}

export function geminiBatchToOpenAI({ body, call, clientModel }: { body: unknown; call: EmbeddingsCall; clientModel: string }): { list: Json; usage: Usage | null } {
  const embeddings = (body as Json | null)?.embeddings;
  if (!Array.isArray(embeddings) || embeddings.length !== call.inputs.length) throw new UpstreamProtocolError("Gemini answered without one embedding per input.");
  const data = (embeddings as Json[]).map((e, index) => {
    const values = e?.values;
    if (!Array.isArray(values) || !values.every((v) => typeof v === "number")) throw new UpstreamProtocolError("Gemini answered an embedding without values.");
    return openAIEmbedding({ values, index, format: call.encodingFormat });
  });
  const usage = readGeminiEmbeddingUsage(body as Json);
  const tokens = usage?.inputTokens ?? 0;
  return { list: { object: "list", data, model: clientModel, usage: { prompt_tokens: tokens, total_tokens: tokens } }, usage };
}
