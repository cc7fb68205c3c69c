// The fake OpenAI server's embeddings (POST /v1/embeddings, https://platform.openai.com/docs/api-reference/embeddings,
// the openai SDK's EmbeddingCreateParams): deterministic vectors, `encoding_format` float or
// base64 (the SDK asks for base64 by default and decodes it), usage in prompt tokens. Mistral's
// mode is strict (output_dimension instead of dimensions, unknown fields a 422).
import { countWords } from "./conversation";
import type { CompatMode } from "./compat-modes";

type Json = Record<string, unknown>;

const OPENAI_FIELDS = new Set(["model", "input", "encoding_format", "dimensions", "user"]);
const MISTRAL_FIELDS = new Set(["model", "input", "encoding_format", "output_dimension", "output_dtype"]);
export const DEFAULT_DIMENSIONS = 8;

/** Each input as the fake counts it: a string's words, or a token array's length. */
function inputsOf(input: unknown): { tokens: number; seed: string }[] | undefined {
  const one = (value: unknown) => (typeof value === "string" ? { tokens: countWords(value), seed: value } : Array.isArray(value) && value.every((t) => Number.isInteger(t)) ? { tokens: value.length, seed: value.join(",") } : undefined);
  if (typeof input === "string") return [one(input)!];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((t) => typeof t === "number")) return [one(input)!];
  const all = input.map(one);
  return all.every((x) => x !== undefined) ? (all as { tokens: number; seed: string }[]) : undefined;
}

export function validateEmbeddingsRequest(body: unknown, mode: CompatMode): [number, Json] | undefined {
  const refuse = (message: string, param: string | null = null, status = 400): [number, Json] => [status, mode.error(message, status, param)];
  if (!body || typeof body !== "object" || Array.isArray(body)) return refuse("We could not parse the JSON body of your request.");
  const b = body as Json;
  const known = mode.provider === "mistral" ? MISTRAL_FIELDS : OPENAI_FIELDS;
  const unknown = Object.keys(b).find((k) => !known.has(k));
  if (unknown) return mode.provider === "mistral" ? refuse(`${unknown}: Extra inputs are not permitted`, unknown, 422) : refuse(`Unrecognized request argument supplied: ${unknown}`, unknown);
  if (typeof b.model !== "string" || !b.model) return refuse("you must provide a model parameter", "model");
  if (!inputsOf(b.input)) return refuse("'$.input' is invalid. Please check the API reference: https://platform.openai.com/docs/api-reference.", "input");
  if (b.encoding_format !== undefined && b.encoding_format !== "float" && b.encoding_format !== "base64") return refuse("Invalid 'encoding_format'.", "encoding_format");
  return undefined;
}

/** A unit-ish vector from the text, the same every time. */
export function fakeVector(seed: string, dimensions: number): number[] {
  let h = 2166136261;
  for (const c of seed) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
  return Array.from({ length: dimensions }, (_, i) => Math.round(Math.sin(h + i) * 1e6) / 1e6);
}

function base64Of(vector: number[]): string {
  return Buffer.from(new Float32Array(vector).buffer).toString("base64");
}

export function embeddingsAnswer(b: Json, mode: CompatMode): Json {
  const inputs = inputsOf(b.input)!;
  const dimensions = Number(b.dimensions ?? b.output_dimension ?? DEFAULT_DIMENSIONS);
  const tokens = inputs.reduce((n, i) => n + i.tokens, 0);
  return {
    object: "list",
    data: inputs.map((input, index) => {
      const vector = fakeVector(input.seed, dimensions);
      return { object: "embedding", index, embedding: b.encoding_format === "base64" ? base64Of(vector) : vector };
    }),
    model: b.model,
    usage: { prompt_tokens: tokens, total_tokens: tokens, ...(mode.provider === "mistral" ? { completion_tokens: 0 } : {}) },
  };
}
