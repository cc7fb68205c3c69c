// The fake Gemini API's other methods, in the shapes of https://ai.google.dev/api/tokens and
// https://ai.google.dev/api/embeddings (and @google/genai's CountTokensResponse,
// EmbedContentResponse): countTokens (the prompt rule of conversation.ts), embedContent and
// batchEmbedContents (deterministic vectors, `outputDimensionality`, each request's model must
// be the one in the path), and one model by name.
import { countWords, textOf } from "./conversation";
import { DEFAULT_DIMENSIONS, fakeVector } from "./openai-embeddings";

type Json = Record<string, unknown>;

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const field = (obj: unknown, name: string): unknown => (obj && typeof obj === "object" ? ((obj as Json)[name] ?? (obj as Json)[snake(name)]) : undefined);


/** countTokens: {contents} or {generateContentRequest}; every text of contents and systemInstruction. */
export function countTokensAnswer(body: Json): { ok: true; body: Json } | { ok: false; message: string } {
  const request = (field(body, "generateContentRequest") ?? body) as Json;
  const contents = field(request, "contents");
  if (!Array.isArray(contents) || contents.length === 0) return { ok: false, message: "* CountTokensRequest.contents: contents is not specified\n" };
  const texts = [textOf(field(field(request, "systemInstruction"), "parts")), ...(contents as Json[]).map((c) => textOf(c.parts))];
  const total = texts.reduce((n, t) => n + countWords(t), 0);
  return { ok: true, body: { totalTokens: total, promptTokensDetails: [{ modality: "TEXT", tokenCount: total }] } };
}

function embedOne(request: Json, pathModel: string): { ok: true; values: number[]; tokens: number } | { ok: false; message: string } {
  const model = field(request, "model");
  if (model !== undefined && model !== `models/${pathModel}`) return { ok: false, message: `* BatchEmbedContentsRequest.requests[0].model: model must be models/${pathModel}` };
  const content = field(request, "content");
  const text = textOf(field(content, "parts"));
  if (!content) return { ok: false, message: "* EmbedContentRequest.content: content is not specified\n" };
  const dimensions = Number(field(request, "outputDimensionality") ?? DEFAULT_DIMENSIONS);
  return { ok: true, values: fakeVector(text, dimensions), tokens: countWords(text) };
}

export function embedAnswer(body: Json, pathModel: string, batch: boolean): { ok: true; body: Json } | { ok: false; message: string } {
  const requests = batch ? field(body, "requests") : [body];
  if (!Array.isArray(requests) || requests.length === 0) return { ok: false, message: "* BatchEmbedContentsRequest.requests: requests is not specified\n" };
  const results = (requests as Json[]).map((r) => embedOne(r, pathModel));
  const failed = results.find((r) => !r.ok);
  if (failed && !failed.ok) return failed;
  const done = results as { values: number[]; tokens: number }[];
  const tokens = done.reduce((n, r) => n + r.tokens, 0);
  const usageMetadata = { promptTokenCount: tokens, totalTokenCount: tokens };
  return { ok: true, body: batch ? { embeddings: done.map((r) => ({ values: r.values })), usageMetadata } : { embedding: { values: done[0]!.values } } };
}

export const FAKE_EMBEDDING_MODELS = ["gemini-embedding-001", "text-embedding-004"];
