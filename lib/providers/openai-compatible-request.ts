import type { ChatRequest } from "../chat-api/chat-request";
import type { ProviderSpec, OpenAIWire } from "./registry/provider-spec";

// The body an OpenAI-compatible provider receives: the validated request (never the raw body)
// with the upstream model name, adapted to the provider by its registry row. Fields the
// provider cannot honour were refused before (enforce-field-policy.ts); every field its row
// lists is left out here (neutral values included: Groq answers 400 to `logprobs: false`).
// OpenAI's row lists nothing and keeps the output limit as sent: its body is the request.

type Body = Record<string, unknown>;

function withoutListedFields(body: Body, spec: ProviderSpec): void {
  for (const field of Object.keys(spec.unsupportedFields)) delete body[field];
}

/**
 * The client's output limit in the field the provider reads; when the client set none, the bound
 * the reservation used (`maxOutputTokens`), so the provider stops where the budget was held.
 * OpenAI ("as-sent") keeps the client's field and gets the bound as max_completion_tokens
 * (reasoning models refuse max_tokens).
 */
function placeOutputLimit(body: Body, request: ChatRequest, wire: OpenAIWire, maxOutputTokens: number | undefined): void {
  const sent = request.max_completion_tokens ?? request.max_tokens;
  if (wire.outputLimitField === "as-sent") {
    if (sent === undefined && maxOutputTokens !== undefined) body.max_completion_tokens = maxOutputTokens;
    return;
  }
  const limit = sent ?? maxOutputTokens;
  delete body.max_completion_tokens;
  delete body.max_tokens;
  if (limit !== undefined) body[wire.outputLimitField] = limit;
}

function renameFields(body: Body, wire: OpenAIWire): void {
  for (const [from, to] of Object.entries(wire.renameFields ?? {})) {
    if (!to || body[from] === undefined) continue;
    body[to] = body[from];
    delete body[from];
  }
}

function placeStreamOptions(body: Body, request: ChatRequest, wire: OpenAIWire): void {
  if (!request.stream) return;
  // The gateway meters every stream: ask for usage where the provider needs asking.
  if (wire.streamUsage === "include_usage") body.stream_options = { ...request.stream_options, include_usage: true };
  else delete body.stream_options;
}

function adaptMessages(request: ChatRequest, wire: OpenAIWire): ChatRequest["messages"] {
  if (!wire.dropMessageNames) return request.messages;
  return request.messages.map((message) => {
    if (!("name" in message) || message.name === undefined) return message;
    const { name: _dropped, ...rest } = message;
    return rest as typeof message;
  });
}

function adaptTools(request: ChatRequest, wire: OpenAIWire): ChatRequest["tools"] {
  if (!wire.dropToolStrict || !request.tools) return request.tools;
  return request.tools.map((tool) => {
    const { strict: _dropped, ...fn } = tool.function;
    return { ...tool, function: fn };
  });
}

export function buildCompatibleBody({ spec, wire, request, upstreamModel, maxOutputTokens }: { spec: ProviderSpec; wire: OpenAIWire; request: ChatRequest; upstreamModel: string; maxOutputTokens?: number }): Body {
  const body: Body = { ...request, model: upstreamModel, messages: adaptMessages(request, wire) };
  if (request.tools) body.tools = adaptTools(request, wire);
  withoutListedFields(body, spec);
  placeOutputLimit(body, request, wire, maxOutputTokens);
  renameFields(body, wire);
  placeStreamOptions(body, request, wire);
  return body;
}
