import { ITEM_ALLOWANCE_TOKENS, type RequestBounds, utf8ByteLength } from "../../limits/request-bounds";

// An embedding call reads its input and generates nothing: the input bound is each text's UTF-8
// bytes (a token covers at least one byte) plus an allowance per input for the markers a model
// adds around it, or a token array's length; the output bound is 0.

export type EmbeddingInput = string | number[];

export function boundEmbeddingInputs(inputs: readonly EmbeddingInput[]): RequestBounds {
  const maxInputTokens = inputs.reduce((n, input) => n + ITEM_ALLOWANCE_TOKENS + (typeof input === "string" ? utf8ByteLength(input) : input.length), 0);
  return { maxInputTokens, maxOutputTokens: 0, images: 0, forwardOutputTokens: null };
}
