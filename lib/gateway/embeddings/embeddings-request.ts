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
const MAX_TOKEN_ID = 10_000_000;

const schema = z.strictObject({
  model: z.string().superRefine((model, ctx) => {
    const problem = findModelNameProblem(model);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  input: z.unknown(),
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

const isTokenIds = (value: unknown): value is number[] => Array.isArray(value) && value.length > 0 && value.every((t) => Number.isSafeInteger(t) && t >= 0 && t <= MAX_TOKEN_ID);

/** The inputs, or why not: a string, strings, token ids, or lists of token ids (each non-empty, at most 2048). */
function readInputs(input: unknown): EmbeddingInput[] {
  const refuse = (message: string): never => {
    throw new GatewayRequestError({ param: "input", message: `Invalid 'input': ${message}`, code: "invalid_value" });
  };
  if (typeof input === "string") return input.length <= L.textChars ? [input] : refuse(`must be at most ${L.textChars} characters`);
  if (!Array.isArray(input)) return refuse("must be a string, an array of strings, an array of token ids, or an array of those");
  if (input.length === 0) return refuse("must not be empty");
  if (isTokenIds(input)) return [input];
  if (input.length > MAX_INPUTS) return refuse(`must hold at most ${MAX_INPUTS} inputs`);
  if (input.every((x) => typeof x === "string" && x.length <= L.textChars) || input.every(isTokenIds)) return input as EmbeddingInput[];
  return refuse(`must be a string, an array of strings (each at most ${L.textChars} characters), an array of token ids (integers 0 to ${MAX_TOKEN_ID}), or an array of those`);
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
  return { model, inputs: readInputs(input), encodingFormat: encoding_format, dimensions, user };
}
