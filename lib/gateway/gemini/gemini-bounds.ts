import type { ModelPrice } from "../../limits/pricing";
import { ITEM_ALLOWANCE_TOKENS, MAX_IMAGE_TOKENS, REQUEST_ALLOWANCE_TOKENS, type RequestBounds, utf8ByteLength } from "../../limits/request-bounds";
import type { ProviderId } from "../../providers/types";

// Upper bounds on one generateContent call's tokens (the rule of lib/limits/request-bounds.ts):
// the body's JSON bytes with image data left out, allowances per content, part and function,
// each image at the provider's per-image maximum. Output: maxOutputTokens per candidate, which
// Gemini counts thoughts against (thoughtsTokenCount is billed as output; a thinking budget is
// a hint inside that ceiling), times candidateCount; without a limit, the model's maximum,
// which is then sent upstream as maxOutputTokens so Gemini stops where the budget was held.

export interface GeminiCountable {
  json: string;
  items: number;
  tools: number;
  images: number;
}

export function boundGeminiCall({ countable, provider, price, maxOutputTokens, candidates }: { countable: GeminiCountable; provider: ProviderId; price: ModelPrice; maxOutputTokens: number | undefined; candidates: number }): RequestBounds {
  const { json, items, tools, images } = countable;
  const maxInputTokens = utf8ByteLength(json) + REQUEST_ALLOWANCE_TOKENS + (items + tools) * ITEM_ALLOWANCE_TOKENS + images * MAX_IMAGE_TOKENS[provider];
  if (maxOutputTokens !== undefined) return { maxInputTokens, maxOutputTokens: maxOutputTokens * candidates, images, forwardOutputTokens: null };
  return { maxInputTokens, maxOutputTokens: price.maxOutputTokens * candidates, images, forwardOutputTokens: price.maxOutputTokens };
}
