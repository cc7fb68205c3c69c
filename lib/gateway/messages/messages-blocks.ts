// Content blocks of the Messages API request (https://docs.claude.com/en/api/messages; the
// SDK's BetaContentBlockParam), strict: an unknown field or block type is a 400 naming it. The
// blocks whose cost the gateway bounds are accepted: text, images, documents (PDF, text,
// content), search results, thinking (with its signature) and redacted thinking, tool use and
// tool results (with tool references). Blocks of server tools (web search, code execution,
// MCP…) are not: those tools bill per use, outside the pricing table.
import { z } from "zod";

export const MESSAGES_LIMITS = {
  messages: 100_000,
  blocksPerMessage: 10_000,
  tools: 10_000,
  stopSequences: 1_024,
  urlChars: 8_192,
  idChars: 1_024,
  nameChars: 256,
  metadataUserIdChars: 512,
  maxTokens: 10_000_000,
} as const;

const L = MESSAGES_LIMITS;

export const cacheControlSchema = z.strictObject({ type: z.literal("ephemeral"), ttl: z.enum(["5m", "1h"]).optional() });
export const cacheControl = cacheControlSchema.nullable().optional();
export const jsonObject = z.record(z.string(), z.json());
const url = z.string().max(L.urlChars).regex(/^https?:\/\//, "must be an http(s) URL");
const citationsConfig = z.strictObject({ enabled: z.boolean().optional() }).nullable().optional();

export const textBlock = z.strictObject({
  type: z.literal("text"),
  text: z.string(),
  cache_control: cacheControl,
  citations: z.array(jsonObject).nullable().optional(),
});

export const imageBlock = z.strictObject({
  type: z.literal("image"),
  source: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("base64"), media_type: z.enum(["image/jpeg", "image/png", "image/gif", "image/webp"]), data: z.string() }),
    z.strictObject({ type: z.literal("url"), url }),
  ]),
  cache_control: cacheControl,
});

export const documentBlock = z.strictObject({
  type: z.literal("document"),
  source: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("base64"), media_type: z.literal("application/pdf"), data: z.string() }),
    z.strictObject({ type: z.literal("text"), media_type: z.literal("text/plain"), data: z.string() }),
    z.strictObject({ type: z.literal("content"), content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textBlock, imageBlock]))]) }),
    z.strictObject({ type: z.literal("url"), url }),
  ]),
  title: z.string().nullable().optional(),
  context: z.string().nullable().optional(),
  citations: citationsConfig,
  cache_control: cacheControl,
});

export const searchResultBlock = z.strictObject({
  type: z.literal("search_result"),
  source: z.string(),
  title: z.string(),
  content: z.array(textBlock),
  citations: citationsConfig,
  cache_control: cacheControl,
});

export const toolReferenceBlock = z.strictObject({ type: z.literal("tool_reference"), tool_name: z.string().min(1).max(L.nameChars), cache_control: cacheControl });

const thinkingBlock = z.strictObject({ type: z.literal("thinking"), thinking: z.string(), signature: z.string() });
const redactedThinkingBlock = z.strictObject({ type: z.literal("redacted_thinking"), data: z.string() });

const toolUseBlock = z.strictObject({
  type: z.literal("tool_use"),
  id: z.string().min(1).max(L.idChars),
  name: z.string().min(1).max(L.nameChars),
  input: jsonObject,
  cache_control: cacheControl,
});

const toolResultBlock = z.strictObject({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1).max(L.idChars),
  content: z.union([z.string(), z.array(z.discriminatedUnion("type", [textBlock, imageBlock, documentBlock, searchResultBlock, toolReferenceBlock]))]).optional(),
  is_error: z.boolean().optional(),
  cache_control: cacheControl,
});

export const contentBlock = z.discriminatedUnion("type", [textBlock, imageBlock, documentBlock, searchResultBlock, thinkingBlock, redactedThinkingBlock, toolUseBlock, toolResultBlock]);
export type ContentBlock = z.output<typeof contentBlock>;

const content = z.union([z.string(), z.array(contentBlock).max(L.blocksPerMessage)]);

/**
 * A system turn in the conversation (the SDK's BetaSystemMessageParam; Claude Code sends one for
 * models it does not know): text only here; tool additions and removals are not accepted.
 */
const systemTurn = z.strictObject({
  role: z.literal("system"),
  content: z.union([z.string(), z.array(textBlock)]).optional(),
  clear_at: z.enum(["next_user_message", "never"]).nullable().optional(),
  output_config: z.strictObject({ effort: z.enum(["low", "medium", "high", "xhigh", "max"]).nullable().optional() }).nullable().optional(),
});

export const messageParam = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("user"), content }),
  z.strictObject({ role: z.literal("assistant"), content }),
  systemTurn,
]);
export type MessageParam = z.output<typeof messageParam>;
