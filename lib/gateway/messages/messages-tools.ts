// The tools a Messages request may define: custom (client) tools, with Claude Code's deferred
// loading, examples and strict schemas, and Anthropic's client-side tools (bash, text editor,
// computer use, memory), which run on the client and cost only tokens. Server tools (web search
// and fetch, code execution, tool search, advisor, MCP toolsets) bill per use outside the
// pricing table: they are refused with a clear 400 rather than under-counted.
import { z } from "zod";
import { cacheControl, jsonObject, MESSAGES_LIMITS } from "./messages-blocks";

const name = z.string().min(1).max(MESSAGES_LIMITS.nameChars);

export const customTool = z.strictObject({
  type: z.literal("custom").nullable().optional(),
  name,
  description: z.string().optional(),
  input_schema: jsonObject,
  cache_control: cacheControl,
  defer_loading: z.boolean().optional(),
  strict: z.boolean().optional(),
  eager_input_streaming: z.boolean().nullable().optional(),
  input_examples: z.array(jsonObject).optional(),
});

/** Anthropic-defined tools the client runs itself (https://docs.claude.com/en/docs/agents-and-tools/tool-use/overview). */
export const CLIENT_TOOL_TYPES = [
  "bash_20241022",
  "bash_20250124",
  "text_editor_20241022",
  "text_editor_20250124",
  "text_editor_20250429",
  "text_editor_20250728",
  "computer_20241022",
  "computer_20250124",
  "computer_20251124",
  "memory_20250818",
] as const;

export const clientTool = z.strictObject({
  type: z.enum(CLIENT_TOOL_TYPES),
  name,
  cache_control: cacheControl,
  defer_loading: z.boolean().optional(),
  strict: z.boolean().optional(),
  input_examples: z.array(jsonObject).optional(),
  max_characters: z.int().min(1).nullable().optional(),
  display_width_px: z.int().min(1).optional(),
  display_height_px: z.int().min(1).optional(),
  display_number: z.int().min(0).nullable().optional(),
  enable_zoom: z.boolean().optional(),
});

export const toolSchema = z.union([customTool, clientTool]);
export type MessagesTool = z.output<typeof toolSchema>;

/** Why a tool of this type is refused, or null when the schema decides. */
export function findServerToolProblem(tool: unknown): string | null {
  if (!tool || typeof tool !== "object" || Array.isArray(tool)) return null;
  const type = (tool as { type?: unknown }).type;
  if (type === undefined || type === null || type === "custom") return null;
  if (typeof type === "string" && (CLIENT_TOOL_TYPES as readonly string[]).includes(type)) return null;
  if (typeof type !== "string") return null;
  return `the tool type "${type.slice(0, 64)}" is not supported by 1Relay: server tools (web search and fetch, code execution, tool search, MCP…) are billed per use, which 1Relay's pricing cannot bound yet. Use client tools (custom, bash, text editor, computer, memory).`;
}
