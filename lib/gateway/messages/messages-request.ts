// The Messages API request body (POST /v1/messages, and count_tokens), parsed strictly and
// re-serialised: every field that changes what a request costs or where it goes is checked
// (model, max_tokens, thinking, tools, cache_control, service tier, speed, region), an unknown
// field is a 400 naming it, and the raw body is never forwarded (contract v1.1, "Native request
// bodies"). Fields whose cost 1Relay cannot bound are refused with the reason.
import { z } from "zod";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { findModelNameProblem } from "../../chat-api/model-name";
import { cacheControl, jsonObject, messageParam, MESSAGES_LIMITS as L, textBlock } from "./messages-blocks";
import { findServerToolProblem, toolSchema } from "./messages-tools";

const thinkingDisplay = z.enum(["summarized", "omitted", "updates"]).nullable().optional();
const jsonSchemaFormat = z.strictObject({ type: z.literal("json_schema"), schema: jsonObject });

const thinking = z.discriminatedUnion("type", [
  // budget_tokens is inside max_tokens (Anthropic checks it); the reservation holds max_tokens.
  z.strictObject({ type: z.literal("enabled"), budget_tokens: z.int().min(1).max(L.maxTokens), display: thinkingDisplay }),
  z.strictObject({ type: z.literal("adaptive"), display: thinkingDisplay }),
  z.strictObject({ type: z.literal("disabled") }),
]);

const parallel = { disable_parallel_tool_use: z.boolean().optional() };
const toolChoice = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("auto"), ...parallel }),
  z.strictObject({ type: z.literal("any"), ...parallel }),
  z.strictObject({ type: z.literal("tool"), name: z.string().min(1).max(L.nameChars), ...parallel }),
  z.strictObject({ type: z.literal("none") }),
]);

/** Context editing (it only ever removes tokens from the prompt); compaction, which makes a summarising call of its own, is refused. */
const contextManagement = z.strictObject({
  edits: z
    .array(
      z.discriminatedUnion("type", [
        z.strictObject({
          type: z.literal("clear_tool_uses_20250919"),
          trigger: jsonObject.optional(),
          keep: jsonObject.optional(),
          clear_at_least: jsonObject.nullable().optional(),
          exclude_tools: z.array(z.string()).nullable().optional(),
          clear_tool_inputs: z.union([z.boolean(), z.array(z.string())]).nullable().optional(),
        }),
        z.strictObject({ type: z.literal("clear_thinking_20251015"), keep: z.union([z.literal("all"), jsonObject]).optional() }),
      ]),
    )
    .optional(),
});

const outputConfig = z.strictObject({
  effort: z.enum(["low", "medium", "high", "xhigh", "max"]).nullable().optional(),
  format: jsonSchemaFormat.nullable().optional(),
});

const fields = {
  model: z.string().superRefine((model, ctx) => {
    const problem = findModelNameProblem(model);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  }),
  max_tokens: z.int().min(1).max(L.maxTokens),
  messages: z.array(messageParam).min(1).max(L.messages),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  metadata: z.strictObject({ user_id: z.string().max(L.metadataUserIdChars).nullable().optional() }).optional(),
  stop_sequences: z.array(z.string()).max(L.stopSequences).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.int().min(0).optional(),
  tools: z.array(toolSchema).max(L.tools).optional(),
  tool_choice: toolChoice.optional(),
  thinking: thinking.optional(),
  context_management: contextManagement.nullable().optional(),
  output_config: outputConfig.optional(),
  output_format: jsonSchemaFormat.nullable().optional(),
  /** "auto" may use Priority Tier capacity where an organisation bought it; the tier's rates are its contract's. */
  service_tier: z.enum(["auto", "standard_only"]).optional(),
  speed: z.literal("standard").nullable().optional(),
  inference_geo: z.literal("global").nullable().optional(),
  cache_control: cacheControl,
};

export const messagesBodySchema = z.strictObject(fields);
export type MessagesBody = z.output<typeof messagesBodySchema>;

/** POST /v1/messages/count_tokens: what shapes the prompt, without the generation settings. */
export const countTokensBodySchema = z.strictObject({
  model: fields.model,
  messages: fields.messages,
  system: fields.system,
  tools: fields.tools,
  tool_choice: fields.tool_choice,
  thinking: fields.thinking,
  context_management: fields.context_management,
  output_config: fields.output_config,
  output_format: fields.output_format,
  speed: fields.speed,
  cache_control: fields.cache_control,
});
export type CountTokensBody = z.output<typeof countTokensBodySchema>;

/** Request fields Anthropic knows that 1Relay refuses, and why (instead of "Unrecognized field"). */
const REFUSED_FIELDS: Record<string, string> = {
  container: "code execution containers are billed per hour, which 1Relay's pricing cannot bound",
  mcp_servers: "the MCP connector calls remote servers and server tools 1Relay cannot price",
  fallbacks: "server-side fallbacks may run another model than the one the token allows",
  fallback_credit_token: "fallback credits are billed outside the pricing table",
  billing_policy: "billing is this relay's: it holds the key and the budget",
  compaction: "compaction makes a summarising call of its own, billed outside the request's usage",
  thread: "message threads keep state at Anthropic, outside this token's scope",
  diagnostics: "request diagnostics are not passed on",
  betas: "send betas in the anthropic-beta header",
  user_profile_id: "user profiles are the key owner's, not the app's",
  workspace_id: "workspaces are the key owner's, not the app's",
};

const SPECIAL_VALUES: { field: string; refuse: (value: unknown) => boolean; message: string }[] = [
  { field: "speed", refuse: (v) => v === "fast", message: 'speed "fast" is billed at premium rates 1Relay\'s pricing table does not hold yet. Use "standard".' },
  { field: "inference_geo", refuse: (v) => typeof v === "string" && v !== "global", message: 'inference_geo other than "global" is billed at a regional uplift 1Relay\'s pricing table does not hold yet.' },
];

function refuse(param: string, message: string, code = "unsupported_parameter"): never {
  throw new GatewayRequestError({ param, message, code });
}

/** The body checked against `schema`; throws GatewayRequestError (400) naming the field. */
export function parseMessagesBody<T extends z.ZodType>({ body, schema }: { body: unknown; schema: T }): z.output<T> {
  if (!body || typeof body !== "object" || Array.isArray(body)) refuse("body", "The request body must be a JSON object.", "invalid_value");
  const value = body as Record<string, unknown>;
  for (const [field, reason] of Object.entries(REFUSED_FIELDS)) {
    if (value[field] != null) refuse(field, `${field}: not supported by 1Relay (${reason}).`);
  }
  for (const { field, refuse: applies, message } of SPECIAL_VALUES) if (applies(value[field])) refuse(field, message, "unsupported_value");
  if (Array.isArray(value.tools)) {
    value.tools.forEach((tool, index) => {
      const problem = findServerToolProblem(tool);
      if (problem) refuse(`tools[${index}].type`, `tools[${index}]: ${problem}`);
    });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = describeFirstIssue(parsed.error.issues);
  throw new GatewayRequestError(issue);
}
