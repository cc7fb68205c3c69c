import { z } from "zod";
import { CHAT_REQUEST_LIMITS as L } from "../../chat-api/chat-request-limits";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { findRedirectingField, redirectingFieldMessage } from "../../chat-api/forbidden-fields";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { findModelNameProblem } from "../../chat-api/model-name";
import { inspectResponsesInput } from "./responses-input";
import { checkToolChoice, filterResponsesTools } from "./responses-tools";

// OpenAI's Responses request (https://platform.openai.com/docs/api-reference/responses/create,
// the openai SDK's ResponseCreateParams), strict at the top level: an unknown field is a 400
// naming it, every field that changes cost or routing is checked, and only what this returns is
// forwarded. Items and tool definitions pass as validated JSON (their tokens are counted from
// their bytes); what needs stored state, and what the pricing table cannot count, is refused.
// `store` is always sent false (no policy field allows storing yet): anything that refers to a
// stored response, conversation, prompt or item is refused with a message that says so.

type Json = Record<string, unknown>;

const identifier = z.string().max(L.identifierChars);
/** A long agent session sends every earlier message, call, output and reasoning item back. */
const MAX_INPUT_ITEMS = 10_000;
const item = z.looseObject({ type: z.string().max(64).optional() });
const tool = z.looseObject({ type: z.string().max(64) });

const INCLUDABLE = [
  "reasoning.encrypted_content",
  "message.output_text.logprobs",
  "message.input_image.image_url",
  "computer_call_output.output.image_url",
  "web_search_call.results",
  "web_search_call.action.sources",
  "file_search_call.results",
  "code_interpreter_call.outputs",
] as const;

const textFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    name: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().max(L.descriptionChars).optional(),
    strict: z.boolean().nullish(),
  }),
]);

const schema = z.strictObject({
  model: z.string().superRefine((model, ctx) => {
    const problem = findModelNameProblem(model);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  input: z.union([z.string().max(L.textChars), z.array(item).max(MAX_INPUT_ITEMS)], { error: "must be a string or an array of input items" }).optional(),
  instructions: z.string().max(L.textChars).optional(),
  tools: z.array(tool).max(L.tools).optional(),
  tool_choice: z.union([z.enum(["none", "auto", "required"]), z.looseObject({ type: z.string().max(64) })]).optional(),
  parallel_tool_calls: z.boolean().optional(),
  max_tool_calls: z.int().min(1).max(1_000).optional(),
  max_output_tokens: z.int().min(1).max(L.maxTokens).optional(),
  temperature: z.number().min(0).max(2).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_logprobs: z.int().min(0).max(20).optional(),
  reasoning: z
    .strictObject({
      effort: z.enum(["none", "minimal", "low", "medium", "high", "xhigh", "max"]).nullish(),
      summary: z.enum(["auto", "concise", "detailed"]).nullish(),
      generate_summary: z.enum(["auto", "concise", "detailed"]).nullish(),
      context: z.enum(["auto", "current_turn", "all_turns"]).nullish(),
      mode: z.literal("standard", { error: 'only "standard" is supported through 1Relay (other modes are priced apart)' }).nullish(),
    })
    .optional(),
  text: z.strictObject({ format: textFormat.optional(), verbosity: z.enum(["low", "medium", "high"]).nullish() }).optional(),
  include: z.array(z.enum(INCLUDABLE)).max(INCLUDABLE.length).optional(),
  store: z.boolean().optional(),
  stream: z.boolean().optional(),
  stream_options: z.strictObject({ include_obfuscation: z.boolean().optional() }).optional(),
  metadata: z
    .record(z.string().max(L.metadataKeyChars), z.string().max(L.metadataValueChars))
    .refine((m) => Object.keys(m).length <= L.metadataEntries, `at most ${L.metadataEntries} entries`)
    .optional(),
  prompt_cache_key: identifier.optional(),
  prompt_cache_retention: z.enum(["in_memory", "24h"]).optional(),
  safety_identifier: identifier.optional(),
  user: identifier.optional(),
  service_tier: z.enum(["auto", "default", "flex", "scale", "priority"]).optional(),
  truncation: z.enum(["auto", "disabled"]).optional(),
  background: z.literal(false, { error: "background responses need stored state, and 1Relay sends every request with store=false" }).optional(),
  /** Codex CLI's own tags: not sent upstream. */
  client_metadata: z.record(z.string().max(256), z.string().max(8_192)).optional(),
});

const HOSTED_INCLUDES = /^(web_search_call|file_search_call|code_interpreter_call)\./;

/** Fields that refer to state OpenAI stores, or that the pricing table cannot count. */
const REFUSED: Record<string, string> = {
  previous_response_id: "it continues a stored response, and 1Relay sends every request with store=false. Send the earlier items in `input` instead (Codex CLI does).",
  conversation: "conversations are stored state, and 1Relay sends every request with store=false. Send the earlier items in `input` instead.",
  prompt: "stored prompt templates are not supported through 1Relay: their content cannot be checked or bounded before sending. Send the instructions and input instead.",
  context_management: "server-side context compaction is not supported through 1Relay yet: its cost cannot be bounded before sending.",
  moderation: "moderation settings are not supported through 1Relay yet: their price is not in the pricing table.",
  prompt_cache_options: "explicit cache breakpoints are not supported through 1Relay yet: their write price is not in the pricing table.",
};

export interface ResponsesCall {
  /** The validated body to forward (model, store and the output bound are set when it is built). */
  body: Json;
  model: string;
  stream: boolean;
  /** Hosted tools removed before forwarding (web search). */
  droppedTools: string[];
  /** The body with image data emptied (what the input bound counts), its items and images. */
  countable: { json: string; items: number; tools: number; images: number };
}

const fail = (param: string | null, message: string, code: string | null = "unsupported_parameter"): never => {
  throw new GatewayRequestError({ param, message, code });
};

function checkRefused(body: Json): void {
  const redirecting = findRedirectingField(body);
  if (redirecting) fail(redirecting, redirectingFieldMessage(redirecting));
  const refused = Object.keys(REFUSED).find((field) => body[field] != null);
  if (refused) fail(refused, `'${refused}' is not accepted: ${REFUSED[refused]}`);
}

/** Validates a parsed JSON body as a Responses request; throws GatewayRequestError (400). */
export function parseResponsesRequest(value: unknown): ResponsesCall {
  if (!value || typeof value !== "object" || Array.isArray(value)) fail(null, "The request body must be a JSON object.", null);
  const present = Object.fromEntries(Object.entries(value as Json).filter(([, v]) => v !== null));
  checkRefused(present);
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error.issues);
    fail(issue.param, issue.message, issue.code);
  }
  const { client_metadata: _clientTags, background: _background, store: _store, ...request } = parsed.data!;
  if (request.service_tier === "priority" || request.service_tier === "scale") {
    fail("service_tier", `service_tier "${request.service_tier}" is not supported by 1Relay yet: its price is not in the pricing table. Use "auto", "default" or "flex".`, "unsupported_value");
  }
  if (request.stream_options && request.stream !== true) fail("stream_options", "Invalid 'stream_options': is only allowed when 'stream' is true", "invalid_value");
  if (request.input === undefined && request.instructions === undefined) fail("input", "Missing required parameter: 'input'.", "missing_required_parameter");
  const { tools, dropped } = filterResponsesTools(request.tools ?? []);
  checkToolChoice({ toolChoice: request.tool_choice, dropped });
  if (tools.length === 0 && request.tool_choice !== undefined && request.tool_choice !== "none" && request.tool_choice !== "auto") {
    fail("tool_choice", "Invalid 'tool_choice': no tool is left to call (hosted web search is not available through 1Relay).", "invalid_value");
  }
  const { textOnly, images } = inspectResponsesInput(request.input ?? "");
  const body: Json = { ...request };
  if (request.tools !== undefined) {
    if (tools.length > 0) body.tools = tools;
    else delete body.tools;
    if (tools.length === 0 && request.tool_choice === "auto") delete body.tool_choice;
  }
  // Results of hosted tools that are never forwarded are not asked for.
  if (request.include) body.include = request.include.filter((name) => !HOSTED_INCLUDES.test(name));
  const countable = { json: JSON.stringify({ ...body, input: textOnly }), items: Array.isArray(request.input) ? request.input.length : 1, tools: tools.length, images };
  return { body, model: request.model, stream: request.stream === true, droppedTools: dropped, countable };
}
