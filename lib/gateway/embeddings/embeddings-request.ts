import { z } from "zod";
import { CHAT_REQUEST_LIMITS as L } from "../../chat-api/chat-request-limits";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { findRedirectingField, redirectingFieldMessage } from "../../chat-api/forbidden-fields";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { findModelNameProblem } from "../../chat-api/model-name";
import type { EmbeddingInput } from "./embeddings-bounds";

// OpenAI's embeddings request (https://platform.openai.com/docs/api-reference/embeddings/create,
// the openai SDK's EmbeddingCreateParams), strict: input is a string, an array of strings, an
// array of token ids or an array of those (at most 2048 inputs, as OpenAI allows).

const MAX_INPUTS = 2_048;
const tokenIds = z.array(z.int().min(0).max(10_000_000)).min(1).max(1_000_000);

const schema = z.strictObject({
  model: z.string().superRefine((model, ctx) => {
    const problem = findModelNameProblem(model);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  input: z.union([z.string().max(L.textChars), z.array(z.string().max(L.textChars)).min(1).max(MAX_INPUTS), tokenIds, z.array(tokenIds).min(1).max(MAX_INPUTS)], {
    error: "must be a string, an array of strings, an array of token ids, or an array of those",
  }),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.int().min(1).max(65_536).optional(),
  user: z.string().max(L.identifierChars).optional(),
});

export interface EmbeddingsCall {
  model: string;
  /** Each input: a text, or token ids. */
  inputs: EmbeddingInput[];
  encodingFormat: "float" | "base64" | undefined;
  dimensions: number | undefined;
  user: string | undefined;
}

export function parseEmbeddingsRequest(value: unknown): EmbeddingsCall {
  if (!value || typeof value !== "object" || Array.isArray(value)) throw new GatewayRequestError({ param: null, message: "The request body must be a JSON object.", code: null });
  const body = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const redirecting = findRedirectingField(body);
  if (redirecting) throw new GatewayRequestError({ param: redirecting, message: redirectingFieldMessage(redirecting), code: "unsupported_parameter" });
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error.issues);
    throw new GatewayRequestError({ param: issue.param, message: issue.message, code: issue.code });
  }
  const { model, input, encoding_format, dimensions, user } = parsed.data;
  const inputs: EmbeddingInput[] = typeof input === "string" ? [input] : input.every((x) => typeof x === "number") ? [input as number[]] : (input as EmbeddingInput[]);
  return { model, inputs, encodingFormat: encoding_format, dimensions, user };
}
