// Upper bounds on a Messages request's tokens, for the reservation (lib/limits/request-bounds.ts
// explains why a text's UTF-8 byte length bounds its tokens). Input: the body as JSON without
// image and PDF bytes, plus allowances for what the JSON does not show (the prompt template, turn
// and block markers, tool-use instructions, the system prompt of Anthropic's client tools, a
// deferred tool loaded by each tool reference), each image at the per-image maximum and, if any
// PDF is present, the most a request's PDF pages can cost. Output: max_tokens, which Anthropic
// requires and which includes thinking (budget_tokens sits inside it).
import { findPrice } from "../../limits/pricing";
import { ITEM_ALLOWANCE_TOKENS, MAX_IMAGE_TOKENS, REQUEST_ALLOWANCE_TOKENS, utf8ByteLength, type RequestBounds } from "../../limits/request-bounds";
import type { ProviderId } from "../../providers/types";
import type { ContentBlock, MessageParam } from "./messages-blocks";
import type { MessagesTool } from "./messages-tools";

/**
 * Anthropic accepts at most 100 PDF pages per request (https://docs.claude.com/en/docs/build-with-claude/pdf-support);
 * each page is billed as its text plus an image of the page. 20,000 per page (10,000 for the image,
 * the per-image maximum, and as much again for its text) is generous: measured pages cost 1,500 to 2,500.
 */
export const PDF_PAGES_PER_REQUEST = 100;
export const PDF_PAGE_TOKENS = 20_000;

/** The tool-use system prompt of Anthropic's client tools (computer use: 466-499 + 735 per definition; bash 245; text editor 700), doubled. */
export const CLIENT_TOOL_ALLOWANCE_TOKENS = 2_048;

interface Shape {
  model: string;
  messages: MessageParam[];
  system?: string | { text: string; cache_control?: { ttl?: string } | null }[];
  tools?: MessagesTool[];
  cache_control?: { ttl?: string } | null;
}

interface Media {
  images: number;
  pdfs: number;
  toolReferences: string[];
  toolUseInputBytes: number;
  blocks: number;
  longCacheWrites: boolean;
}

/** A copy of a block with image and PDF bytes emptied (they are not prompt text), counting what was emptied. */
function strip(block: ContentBlock | { type: string; [k: string]: unknown }, media: Media): unknown {
  media.blocks += 1;
  const b = block as Record<string, unknown> & { type: string };
  if ((b.cache_control as { ttl?: string } | null | undefined)?.ttl === "1h") media.longCacheWrites = true;
  switch (b.type) {
    case "image":
      media.images += 1;
      return { ...b, source: { ...(b.source as object), data: "" } };
    case "document": {
      const source = b.source as { type: string; media_type?: string; content?: unknown };
      if (source.type === "base64" || source.type === "url") {
        media.pdfs += 1;
        return { ...b, source: { ...source, data: "" } };
      }
      if (source.type === "content" && Array.isArray(source.content)) return { ...b, source: { ...source, content: source.content.map((c) => strip(c as ContentBlock, media)) } };
      return b;
    }
    case "tool_use":
      media.toolUseInputBytes += utf8ByteLength(JSON.stringify(b.input));
      return b;
    case "tool_reference":
      media.toolReferences.push(String(b.tool_name));
      return b;
    case "tool_result":
      return Array.isArray(b.content) ? { ...b, content: b.content.map((c) => strip(c as ContentBlock, media)) } : b;
    default:
      return b;
  }
}

function measure(body: Shape): { textBytes: number; media: Media } {
  const media: Media = { images: 0, pdfs: 0, toolReferences: [], toolUseInputBytes: 0, blocks: 0, longCacheWrites: body.cache_control?.ttl === "1h" };
  const messages = body.messages.map((m) => (typeof m.content === "string" || m.content === undefined ? m : { ...m, content: (m.content as ContentBlock[]).map((c) => strip(c, media)) }));
  if (Array.isArray(body.system)) for (const block of body.system) if (block.cache_control?.ttl === "1h") media.longCacheWrites = true;
  for (const tool of body.tools ?? []) if (tool.cache_control?.ttl === "1h") media.longCacheWrites = true;
  return { textBytes: utf8ByteLength(JSON.stringify({ ...body, messages })), media };
}

/** What the JSON does not show: template and instructions, markers, client tools' prompts, deferred tools loaded by reference, tool inputs rendered as parameters. */
function allowance(body: Shape, media: Media): number {
  const tools = body.tools ?? [];
  const clientTools = tools.filter((t) => t.type != null && t.type !== "custom").length;
  const toolBytes = new Map(tools.map((t) => [t.name, utf8ByteLength(JSON.stringify(t))]));
  const referenced = media.toolReferences.reduce((sum, name) => sum + (toolBytes.get(name) ?? 0) + ITEM_ALLOWANCE_TOKENS, 0);
  const systemBlocks = Array.isArray(body.system) ? body.system.length : 1;
  return (
    REQUEST_ALLOWANCE_TOKENS +
    (body.messages.length + media.blocks + tools.length + systemBlocks) * ITEM_ALLOWANCE_TOKENS +
    clientTools * CLIENT_TOOL_ALLOWANCE_TOKENS +
    referenced +
    media.toolUseInputBytes
  );
}

/** The most prompt tokens a Messages body can cost at `provider`, and whether it may write to the 1-hour cache. */
export function boundMessagesInput({ body, provider }: { body: Shape; provider: ProviderId }): { maxInputTokens: number; images: number; longCacheWrites: boolean } {
  const { textBytes, media } = measure(body);
  const maxInputTokens = textBytes + allowance(body, media) + media.images * MAX_IMAGE_TOKENS[provider] + (media.pdfs > 0 ? PDF_PAGES_PER_REQUEST * PDF_PAGE_TOKENS : 0);
  return { maxInputTokens, images: media.images, longCacheWrites: media.longCacheWrites };
}

/** Bounds of a Messages call (null: the model has no price). max_tokens is sent as the client set it. */
export function boundMessagesCall({ body, provider, upstreamModel }: { body: Shape & { max_tokens: number }; provider: ProviderId; upstreamModel: string }): RequestBounds | null {
  if (!findPrice({ provider, model: upstreamModel })) return null;
  const input = boundMessagesInput({ body, provider });
  return { maxInputTokens: input.maxInputTokens, maxOutputTokens: body.max_tokens, images: input.images, forwardOutputTokens: null, longCacheWrites: input.longCacheWrites };
}
