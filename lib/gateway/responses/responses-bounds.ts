import { findPrice } from "../../limits/pricing";
import { ITEM_ALLOWANCE_TOKENS, MAX_IMAGE_TOKENS, REQUEST_ALLOWANCE_TOKENS, type RequestBounds, utf8ByteLength } from "../../limits/request-bounds";
import type { CallTarget } from "../endpoint";
import type { ResponsesCall } from "./responses-request";

// Upper bounds on one Responses call's tokens, for the reservation (the rule of
// lib/limits/request-bounds.ts): the request's JSON bytes with image data left out, the framing
// allowances per item and tool, each image at the provider's per-image maximum; the output at
// max_output_tokens (which includes reasoning), else at the model's maximum, which is then sent
// upstream as max_output_tokens so the provider stops where the budget was held.

export function boundResponsesCall({ call, target }: { call: ResponsesCall; target: CallTarget }): RequestBounds | null {
  const price = findPrice({ provider: target.provider, model: target.upstreamModel });
  if (!price) return null;
  const { json, items, tools, images } = call.countable;
  const maxInputTokens = utf8ByteLength(json) + REQUEST_ALLOWANCE_TOKENS + (items + tools) * ITEM_ALLOWANCE_TOKENS + images * MAX_IMAGE_TOKENS[target.provider];
  const asked = call.body.max_output_tokens;
  if (typeof asked === "number") return { maxInputTokens, maxOutputTokens: asked, images, forwardOutputTokens: null };
  return { maxInputTokens, maxOutputTokens: price.maxOutputTokens, images, forwardOutputTokens: price.maxOutputTokens };
}
