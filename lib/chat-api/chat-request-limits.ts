// Size bounds of a Chat Completions request, checked by the schema before anything is
// translated or forwarded. They sit well above what real clients send; the route's body
// cap (413) is the outer limit.

export const CHAT_REQUEST_LIMITS = {
  messages: 1024,
  contentParts: 256,
  /** Characters in one text (a message, a part, a tool result). */
  textChars: 2_000_000,
  /** Characters of an image URL, data: URLs included (about 15 MB of image). */
  imageUrlChars: 20_000_000,
  tools: 128,
  toolCallsPerMessage: 128,
  /** Tool call ids carry Gemini's thought signature (see lib/providers/tool-call-id.ts). */
  toolCallIdChars: 16_384,
  argumentsChars: 2_000_000,
  descriptionChars: 100_000,
  /** Characters of a JSON schema (tool parameters, response_format) once serialised. */
  schemaChars: 200_000,
  nameChars: 64,
  stopSequences: 4,
  stopChars: 1_000,
  metadataEntries: 16,
  metadataKeyChars: 64,
  metadataValueChars: 512,
  logitBiasEntries: 1_024,
  identifierChars: 256,
  n: 128,
  maxTokens: 10_000_000,
} as const;
