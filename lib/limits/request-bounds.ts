import type { ChatRequest } from "../chat-api/chat-request";
import { defaultAnthropicMaxTokens } from "../providers/anthropic-max-tokens";
import { PROVIDER_IDS, PROVIDERS } from "../providers/registry";
import type { ProviderId } from "../providers/types";
import { findPrice, type ModelPrice, worstCaseCostMicroUsd } from "./pricing";

// Upper bounds on one chat request's tokens, computed before it is forwarded, so that a hard
// budget can reserve its worst-case cost (issue 6). Pure: no clock, no I/O. Every figure errs
// high: a reservation that is too large is released at settlement, one that is too small lets
// the budget be overrun.
//
// Why the input bound is an upper bound. Every provider's models tokenize text with byte-level
// schemes: OpenAI's BPE (o200k) and Claude's tokenizer merge UTF-8 bytes, Gemini's SentencePiece
// falls back to single bytes, and the open-weight models the others serve (Llama 3/4, Mistral's
// Tekken, DeepSeek, Qwen, gpt-oss, GLM, Kimi) use byte-level BPE or byte fallback too. Every token of literal text therefore covers at least one UTF-8
// byte, so a text's byte length bounds its token count. We count the bytes of the whole request
// as JSON: each prompt string appears in it once, raw or escaped (an escape is longer than the
// character: `\n` is 2 bytes for 1, a lone surrogate `\udxxx` 6 for the 3 of U+FFFD), next to
// bytes that are not prompt at all (keys, punctuation, sampling options), which only add margin.
// What the JSON does not show is the framing each provider adds: turn markers around every
// message, the reply prefix, tool-use instructions. Those are covered by the explicit
// allowances below. Images are not text: their URL or base64 bytes are left out and each image
// is counted at the provider's per-image maximum instead. Nothing is capped.

export interface RequestBounds {
  /** Prompt tokens, cached and cache-written ones included, can be at most this many. */
  maxInputTokens: number;
  /** Generated tokens over all choices, reasoning / thinking included. */
  maxOutputTokens: number;
  /** image_url parts in the request (each counted at MAX_IMAGE_TOKENS). */
  images: number;
  /**
   * The per-choice output limit to send upstream in place of the client's: the bound this
   * reservation used, so the provider stops where the budget was held (issue 13). The gateway
   * sets it when the client set no limit, and lowers it when "fit output to budget" applies
   * (lib/gateway/stages/fit-call.ts). null: the client's own limit is sent.
   */
  forwardOutputTokens: number | null;
  /** The request may write to a 1-hour prompt cache (Anthropic `ttl: "1h"`): its dearer rate bounds the input. */
  longCacheWrites?: boolean;
  /** Choices generated (n; 1 when absent): maxOutputTokens is this many times the per-choice limit. */
  choices?: number;
}

interface BoundRequestInput {
  provider: ProviderId;
  /** The model id sent upstream (routing's `upstreamModel`), looked up in the pricing table. */
  upstreamModel: string;
  request: ChatRequest;
}

/**
 * The most prompt tokens one image can cost, per provider, for the dearest model and the
 * largest image each one accepts. Generous on purpose.
 * - OpenAI (https://platform.openai.com/docs/guides/images-vision#calculating-costs): high detail
 *   fits the image in 2048×2048, scales its short side to 768 px and bills 512-px tiles, at most
 *   2 × 4 = 8. gpt-4o-mini bills 2,833 + 5,667 per tile = 48,169 tokens (gpt-4o 85 + 170 per
 *   tile; patch-billed models at most 1,536 patches × 2.46 = 3,779; newer models' auto detail
 *   about 14,000 for a 12-megapixel photo). Rounded up to 50,000.
 * - Anthropic (https://platform.claude.com/docs/en/build-with-claude/vision): about
 *   width × height / 750 tokens after the image is scaled down to the model's limit, a
 *   1,568-px long edge (~1,600 tokens), or 2,576 px (~4,784 tokens) on the high-resolution
 *   models from Opus 4.7 on. Doubled: 10,000.
 * - Gemini (https://ai.google.dev/gemini-api/docs/tokens#multimodal-tokens): 258 tokens per
 *   768-px tile on 2.x after scaling to at most 3,072 px (16 tiles = 4,128; narrow images tile
 *   smaller, about 6,200 at most); Gemini 3 bills 1,120 per image at its default resolution.
 *   10,000.
 * - The others (registry rows' maxImageTokens): 20,000 where the provider serves its own vision
 *   models (Mistral's Pixtral tiles 16-px patches up to 1,540 px, about 9,300; Llama 4 and Grok
 *   fewer), 50,000 where it serves many makers' models (OpenRouter, Together, Fireworks).
 */
export const MAX_IMAGE_TOKENS = Object.fromEntries(PROVIDER_IDS.map((id) => [id, PROVIDERS[id].maxImageTokens])) as Record<ProviderId, number>;

/**
 * Framing for the whole request: chat-template start and the reply prefix, plus the system
 * text providers add when tools or a response format are given (Anthropic documents its
 * tool-use system prompt at 159 to 530 tokens depending on the model and tool_choice:
 * https://docs.anthropic.com/en/docs/tool-use-pricing-and-tokens).
 */
export const REQUEST_ALLOWANCE_TOKENS = 1_024;

/** Turn or block markers around each message, content part, tool call and tool definition. */
export const ITEM_ALLOWANCE_TOKENS = 16;

/**
 * Gemini answers tool results by function name, which the adapter repeats in each
 * functionResponse although the request carries it only once (names are at most 64 bytes).
 */
export const TOOL_RESULT_ALLOWANCE_TOKENS = 64;

/** UTF-8 length of a string as TextEncoder would encode it (a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * The request with every image URL emptied (its bytes are not prompt text) and without its output
 * limits (not prompt either: so the bound, and the output limit a refusal says would fit, is the
 * same whether or not the client sends one), and how many images it had.
 */
function withoutImageData(request: ChatRequest): { text: Omit<ChatRequest, "max_tokens" | "max_completion_tokens">; images: number } {
  let images = 0;
  const messages = request.messages.map((message) => {
    if (message.role !== "user" || typeof message.content === "string") return message;
    const content = message.content.map((part) => {
      if (part.type !== "image_url") return part;
      images += 1;
      return { ...part, image_url: { ...part.image_url, url: "" } };
    });
    return { ...message, content };
  });
  const { max_tokens: _limit, max_completion_tokens: _completionLimit, ...rest } = request;
  return { text: { ...rest, messages }, images };
}

/**
 * Framing tokens the JSON does not show. Tool call arguments are counted once more: Anthropic
 * and Gemini receive them parsed, and Claude's template renders each top-level parameter as
 * its own named element, longer than the `"key":value` it came from.
 */
function framingAllowance(request: ChatRequest): number {
  let tokens = REQUEST_ALLOWANCE_TOKENS + (request.tools?.length ?? 0) * ITEM_ALLOWANCE_TOKENS;
  for (const message of request.messages) {
    tokens += ITEM_ALLOWANCE_TOKENS;
    if (Array.isArray(message.content)) tokens += message.content.length * ITEM_ALLOWANCE_TOKENS;
    if (message.role === "tool") tokens += TOOL_RESULT_ALLOWANCE_TOKENS;
    if (message.role !== "assistant") continue;
    for (const call of message.tool_calls ?? []) tokens += ITEM_ALLOWANCE_TOKENS + utf8ByteLength(call.function.arguments);
  }
  return tokens;
}

/**
 * Output: the client's limit if it set one, else the model's maximum, per choice, times `n`
 * (OpenAI and Gemini generate n choices; Anthropic refuses n > 1 before forwarding). Both
 * OpenAI limits and Gemini's maxOutputTokens include reasoning tokens, and Anthropic's
 * max_tokens includes thinking. When both fields are given the larger counts, whichever one a
 * provider honours. A limit above the model's maximum is not lowered: providers answer 400 to
 * it rather than clamp, and a figure in the table could be low.
 */
function outputBound(price: ModelPrice, { provider, upstreamModel, request }: BoundRequestInput): { total: number; forward: number | null } {
  const limits = [request.max_completion_tokens, request.max_tokens].filter((limit) => limit !== undefined);
  if (limits.length > 0) return { total: Math.max(...limits) * (request.n ?? 1), forward: null };
  // No limit from the client: the gateway sends the one it reserved for, so the provider bills
  // no more than that (the pricing table's maximum; for Anthropic, which requires a limit, the
  // default every model of the family accepts: lib/providers/anthropic-max-tokens.ts).
  const perChoice = provider === "anthropic" ? defaultAnthropicMaxTokens(upstreamModel) : price.maxOutputTokens;
  return { total: perChoice * (request.n ?? 1), forward: perChoice };
}

function boundsFor(price: ModelPrice, input: BoundRequestInput): RequestBounds {
  const { provider, request } = input;
  const { text, images } = withoutImageData(request);
  const maxInputTokens = utf8ByteLength(JSON.stringify(text)) + framingAllowance(request) + images * MAX_IMAGE_TOKENS[provider];
  const output = outputBound(price, { provider, upstreamModel: input.upstreamModel, request });
  return { maxInputTokens, maxOutputTokens: output.total, images, forwardOutputTokens: output.forward, choices: request.n ?? 1 };
}

/** Upper bounds for one chat request bound for `provider`, or null when the model has no price row. */
export function boundRequest(input: BoundRequestInput): RequestBounds | null {
  const price = findPrice({ provider: input.provider, model: input.upstreamModel });
  return price ? boundsFor(price, input) : null;
}

/** The worst-case cost of the request in micro-USD, to reserve before forwarding; null when the price is unknown. */
export function reservationMicroUsd(input: BoundRequestInput): number | null {
  const price = findPrice({ provider: input.provider, model: input.upstreamModel });
  if (!price) return null;
  const { maxInputTokens, maxOutputTokens } = boundsFor(price, input);
  return worstCaseCostMicroUsd({ price, maxInputTokens, maxOutputTokens });
}
