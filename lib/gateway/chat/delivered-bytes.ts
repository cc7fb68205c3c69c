// Counts what a stream has already handed to the client: the UTF-8 bytes of generated text,
// reasoning text, refusals and tool-call names and arguments in the OpenAI chunk frames we wrote. When a
// stream ends without the provider's final usage, the charge is never below this (a token
// covers at least one byte). Frames that are not chunks (comments, [DONE], errors) count 0.

const encoder = new TextEncoder();

export function deliveredBytesOf(frame: string): number {
  let total = 0;
  for (const line of frame.split("\n")) {
    if (!line.startsWith("data: ") || line === "data: [DONE]") continue;
    let chunk: unknown;
    try {
      chunk = JSON.parse(line.slice(6));
    } catch {
      continue;
    }
    const choices = (chunk as { choices?: unknown }).choices;
    if (!Array.isArray(choices)) continue;
    for (const choice of choices) {
      const delta = (choice as { delta?: Record<string, unknown> } | null)?.delta;
      if (!delta) continue;
      // Reasoning text some providers stream beside the answer (DeepSeek's reasoning_content,
      // Groq's and OpenRouter's reasoning) is generated output too.
      total += bytes(delta.content) + bytes(delta.refusal) + bytes(delta.reasoning_content) + bytes(delta.reasoning);
      if (Array.isArray(delta.tool_calls)) {
        for (const call of delta.tool_calls) {
          const fn = (call as { function?: { name?: unknown; arguments?: unknown } } | null)?.function;
          total += bytes(fn?.name) + bytes(fn?.arguments);
        }
      }
    }
  }
  return total;
}

function bytes(value: unknown): number {
  return typeof value === "string" ? encoder.encode(value).length : 0;
}
