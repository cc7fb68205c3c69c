import { z } from "zod";
import { messageSchema } from "./chat-messages";
import { CHAT_REQUEST_LIMITS as L } from "./chat-request-limits";
import { findRedirectingField, redirectingFieldMessage, UNSUPPORTED_OPENAI_FIELDS, unsupportedFieldMessage } from "./forbidden-fields";
import { findModelNameProblem } from "./model-name";
import { describeFirstIssue } from "./describe-issue";

// OpenAI's documented Chat Completions request (https://platform.openai.com/docs/api-reference/chat/create),
// strict at every level: an unknown field is a 400 naming it. The gateway forwards (or
// translates) only what this schema returns, never the raw body.

const jsonSchemaObject = z
  .record(z.string(), z.unknown())
  .refine((schema) => JSON.stringify(schema).length <= L.schemaChars, `must be at most ${L.schemaChars} characters of JSON`);

const functionName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1-64 letters, digits, underscores or dashes");

const toolSchema = z.strictObject({
  type: z.literal("function"),
  function: z.strictObject({
    name: functionName,
    description: z.string().max(L.descriptionChars).optional(),
    parameters: jsonSchemaObject.optional(),
    strict: z.boolean().nullish(),
  }),
});

const toolChoiceSchema = z.union(
  [
    z.enum(["none", "auto", "required"]),
    z.strictObject({ type: z.literal("function"), function: z.strictObject({ name: functionName }) }),
  ],
  { error: 'must be "none", "auto", "required" or {"type":"function","function":{"name":…}}' },
);

const responseFormatSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    json_schema: z.strictObject({
      name: functionName,
      description: z.string().max(L.descriptionChars).optional(),
      schema: jsonSchemaObject.optional(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const stopSchema = z.union(
  [z.string().min(1).max(L.stopChars), z.array(z.string().min(1).max(L.stopChars)).max(L.stopSequences)],
  { error: `must be a string or an array of at most ${L.stopSequences} strings` },
);

const identifier = z.string().max(L.identifierChars);

export const chatRequestSchema = z
  .strictObject({
    model: z.string().superRefine((model, ctx) => {
      const problem = findModelNameProblem(model);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
    messages: z.array(messageSchema).min(1).max(L.messages),
    tools: z.array(toolSchema).max(L.tools).optional(),
    tool_choice: toolChoiceSchema.optional(),
    parallel_tool_calls: z.boolean().optional(),
    response_format: responseFormatSchema.optional(),
    temperature: z.number().min(0).max(2).optional(),
    top_p: z.number().min(0).max(1).optional(),
    max_tokens: z.int().min(1).max(L.maxTokens).optional(),
    max_completion_tokens: z.int().min(1).max(L.maxTokens).optional(),
    stop: stopSchema.optional(),
    seed: z.int().optional(),
    n: z.int().min(1).max(L.n).optional(),
    frequency_penalty: z.number().min(-2).max(2).optional(),
    presence_penalty: z.number().min(-2).max(2).optional(),
    logit_bias: z
      .record(z.string().regex(/^\d{1,7}$/, "keys must be token ids"), z.number().min(-100).max(100))
      .refine((bias) => Object.keys(bias).length <= L.logitBiasEntries, `at most ${L.logitBiasEntries} entries`)
      .optional(),
    logprobs: z.boolean().optional(),
    top_logprobs: z.int().min(0).max(20).optional(),
    reasoning_effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh"]).optional(),
    verbosity: z.enum(["low", "medium", "high"]).optional(),
    service_tier: z.enum(["auto", "default", "flex", "scale", "priority"]).optional(),
    user: identifier.optional(),
    safety_identifier: identifier.optional(),
    prompt_cache_key: identifier.optional(),
    metadata: z
      .record(z.string().max(L.metadataKeyChars), z.string().max(L.metadataValueChars))
      .refine((m) => Object.keys(m).length <= L.metadataEntries, `at most ${L.metadataEntries} entries`)
      .optional(),
    store: z.boolean().optional(),
    stream: z.boolean().optional(),
    stream_options: z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).optional(),
  })
  .superRefine((request, ctx) => {
    if (request.stream_options !== undefined && request.stream !== true) {
      ctx.addIssue({ code: "custom", path: ["stream_options"], message: "is only allowed when 'stream' is true" });
    }
    if (request.tool_choice !== undefined && request.tool_choice !== "none" && !request.tools?.length) {
      ctx.addIssue({ code: "custom", path: ["tool_choice"], message: "is only allowed when 'tools' are given" });
    }
  });

export type ChatRequest = z.output<typeof chatRequestSchema>;
/** Top-level field names of the request, as typed tables (lib/providers/unsupported-fields.ts) use them. */
export type ChatRequestField = keyof ChatRequest;

export type ParseChatRequestResult =
  | { ok: true; request: ChatRequest }
  | { ok: false; param: string | null; message: string; code: string | null };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Validates a parsed JSON body as a Chat Completions request. Top-level nulls count as
 * absent (clients serialise unset options as null). Errors name the field OpenAI-style.
 */
export function parseChatRequest(value: unknown): ParseChatRequestResult {
  if (!isPlainObject(value)) return { ok: false, param: null, message: "The request body must be a JSON object.", code: null };
  const redirecting = findRedirectingField(value);
  if (redirecting) return { ok: false, param: redirecting, message: redirectingFieldMessage(redirecting), code: "unsupported_parameter" };
  const unsupported = UNSUPPORTED_OPENAI_FIELDS.find((field) => value[field] != null);
  if (unsupported) return { ok: false, param: unsupported, message: unsupportedFieldMessage(unsupported), code: "unsupported_parameter" };
  const present = Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null));
  const parsed = chatRequestSchema.safeParse(present);
  if (parsed.success) return { ok: true, request: parsed.data };
  return { ok: false, ...describeFirstIssue(parsed.error.issues) };
}
