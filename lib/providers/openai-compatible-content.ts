// What OpenAI clients expect from providers that stretch OpenAI's shapes: `content` is a string
// (Mistral's reasoning models send an array of chunks: the text ones are kept, "thinking" and
// references are not the answer), a choice that called tools finishes with "tool_calls" (xAI
// sends ""), and provider-only envelopes (Groq's x_groq) are not passed on.

type Json = Record<string, unknown>;

/** An array of content chunks as the text of its text chunks; strings and null as they are. */
export function flattenContent(content: unknown): unknown {
  if (!Array.isArray(content)) return content;
  return content
    .filter((part): part is Json => !!part && typeof part === "object" && (part as Json).type === "text")
    .map((part) => (typeof part.text === "string" ? part.text : ""))
    .join("");
}

/** Normalises a chat.completion body in place. */
export function normalizeCompletion(body: Json): void {
  delete body.x_groq;
  for (const choice of (body.choices as Json[] | undefined) ?? []) {
    const message = choice?.message as Json | undefined;
    if (!message || typeof message !== "object") continue;
    message.content = flattenContent(message.content);
    const calledTools = Array.isArray(message.tool_calls) && message.tool_calls.length > 0;
    if (calledTools && (choice.finish_reason === "" || choice.finish_reason == null)) choice.finish_reason = "tool_calls";
  }
}

/**
 * Normalises a chat.completion.chunk in place (its usage is handled by the stream translator).
 * An empty finish_reason becomes null: mid-stream it means "not finished".
 */
export function normalizeChunk(chunk: Json): void {
  delete chunk.x_groq;
  for (const choice of (chunk.choices as Json[] | undefined) ?? []) {
    if (!choice || typeof choice !== "object") continue;
    const delta = choice.delta as Json | undefined;
    if (delta && typeof delta === "object" && Array.isArray(delta.content)) delta.content = flattenContent(delta.content);
    if (choice.finish_reason === "") choice.finish_reason = null;
  }
}
