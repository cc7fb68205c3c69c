// What the fake OpenAI server (and its provider modes) says: request checks, the completion,
// the stream's chunks and usage, each in the mode's shape (compat-modes.ts).
import { splitFixed, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage } from "./conversation";
import type { CompatMode } from "./compat-modes";
import { nextId, unixSeconds } from "./ids";
import type { SseEvent } from "./sse";

type Json = Record<string, unknown>;

const ROLES = ["system", "assistant", "user", "function", "tool", "developer"];

export function openaiError(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

/** The request's problem as the mode's provider reports it: [status, body], or undefined when it is fine. */
export function validate(body: unknown, mode: CompatMode): [number, Json] | undefined {
  const refuse = (message: string, status = 400, param: string | null = null, code: string | null = null): [number, Json] => [status, mode.error(message, status, param, code)];
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return refuse("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)");
  }
  const b = body as Json;
  const unknown = mode.knownParams ? Object.keys(b).find((k) => !mode.knownParams!.has(k)) : undefined;
  if (unknown) {
    return mode.unknownFieldStatus === 422 ? refuse(`${unknown}: Extra inputs are not permitted`, 422, unknown) : refuse(`Unrecognized request argument supplied: ${unknown}`, 400, unknown);
  }
  const refused = mode.refusedParams.find((p) => b[p] !== undefined);
  if (refused) return refuse(`'${refused}' is not supported with this model`, 400, refused);
  if (mode.refusesN && b.n !== undefined && b.n !== 1) return refuse("'n' : number must be at most 1", 400, "n");
  if (mode.refusesTools && b.tools !== undefined) return refuse("Tool calling is not supported for this model.", 400, "tools");
  if (typeof b.model !== "string" || !b.model) return refuse("you must provide a model parameter");
  if (!Array.isArray(b.messages)) return refuse("Missing required parameter: 'messages'.", 400, "messages", "missing_required_parameter");
  if (b.messages.length === 0) return refuse("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 400, "messages", "empty_array");
  const messages = b.messages as Json[];
  const bad = messages.findIndex((m) => !ROLES.includes(String(m?.role)));
  if (bad >= 0) return refuse(`Invalid value: '${String(messages[bad]?.role)}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, 400, `messages[${bad}].role`, "invalid_value");
  const named = messages.findIndex((m) => m && typeof m === "object" && "name" in m);
  if (mode.refusesMessageNames && named >= 0) return refuse(`'messages.${named}' : property 'name' is unsupported`, mode.unknownFieldStatus, `messages[${named}].name`);
  const strictTool = ((b.tools as Json[] | undefined) ?? []).findIndex((t) => (t?.function as Json | undefined)?.strict !== undefined);
  if (mode.refusesToolStrict && strictTool >= 0) return refuse("Argument not supported: strict", 400, `tools[${strictTool}].function.strict`);
  if (b.stream_options != null && b.stream !== true) return refuse("The 'stream_options' parameter is only allowed when 'stream' is enabled.", 400, "stream_options");
  return undefined;
}

export function toConversation(b: Json): Conversation {
  const messages = b.messages as Json[];
  const texts = messages.filter((m) => m.role !== "tool" && m.role !== "function").map((m) => textOf(m.content)).filter(Boolean);
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const lastRole = messages[messages.length - 1]?.role;
  const tools = (Array.isArray(b.tools) ? (b.tools as Json[]) : [])
    .map((t) => t.function as Json | undefined)
    .filter((f): f is Json => typeof f?.name === "string")
    .map((f) => ({ name: f.name as string, schema: f.parameters }));
  const tc = b.tool_choice as Json | string | undefined;
  const toolChoice: ToolChoice =
    typeof tc === "object" && tc ? { name: String((tc.function as Json | undefined)?.name) } : tc === "none" || tc === "required" ? tc : "auto";
  const maxTokens = (b.max_completion_tokens ?? b.max_tokens) as number | undefined;
  const stop = typeof b.stop === "string" ? [b.stop] : Array.isArray(b.stop) ? b.stop.map(String) : [];
  return {
    texts,
    last: lastRole === "tool" || lastRole === "function" ? { kind: "tool-result" } : { kind: "user", text: textOf(lastUser?.content) },
    tools,
    toolChoice,
    maxTokens: typeof maxTokens === "number" ? maxTokens : undefined,
    stop,
  };
}

/** The usage object in the mode's terms (README.md's token rule). */
export function usageJson(u: Usage, mode: CompatMode): Json {
  const completion = u.completion + u.reasoning;
  const usage: Json = {
    prompt_tokens: u.prompt,
    completion_tokens: mode.reasoningApart ? u.completion : completion,
    total_tokens: u.prompt + completion,
    prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
  if (mode.cacheHitFields) {
    delete usage.prompt_tokens_details;
    usage.prompt_cache_hit_tokens = u.cached;
    usage.prompt_cache_miss_tokens = u.prompt - u.cached;
  }
  if (mode.provider === "openrouter") usage.cost = 0.0001;
  return usage;
}

const finishReason = (plan: Plan) => (plan.kind === "tool" ? "tool_calls" : plan.finish === "length" ? "length" : "stop");

/** Mistral's reasoning models answer with content chunks (a thinking one, then the text). */
const asChunks = (mode: CompatMode, model: string) => mode.provider === "mistral" && model.startsWith("magistral");

export function completion(model: string, plan: Plan, n: number, u: Usage, mode: CompatMode): Json {
  const content = plan.kind !== "text" ? null : asChunks(mode, model) ? [{ type: "thinking", thinking: [{ type: "text", text: "Thinking it over." }] }, { type: "text", text: plan.text }] : plan.text;
  const message =
    plan.kind === "text"
      ? { role: "assistant", content, refusal: null, annotations: [] }
      : {
          role: "assistant",
          content: null,
          tool_calls: [{ id: nextId("call_"), type: "function", function: { name: plan.name, arguments: plan.argsJson } }],
          refusal: null,
          annotations: [],
        };
  return {
    id: nextId("chatcmpl-"),
    object: "chat.completion",
    created: unixSeconds(),
    model,
    choices: Array.from({ length: n }, (_, index) => ({ index, message, logprobs: null, finish_reason: finishReason(plan) })),
    usage: usageJson(u, mode),
    service_tier: "default",
    system_fingerprint: "fp_fake",
    ...mode.extras,
    ...(mode.provider === "groq" ? { x_groq: { id: "req_fake" } } : {}),
  };
}

/** The stream's events, with usage where the mode puts it. */
export function chunks(model: string, plan: Plan, n: number, u: Usage, { mode, includeUsage }: { mode: CompatMode; includeUsage: boolean }): SseEvent[] {
  const base = { id: nextId("chatcmpl-"), object: "chat.completion.chunk", created: unixSeconds(), model, service_tier: "default", system_fingerprint: "fp_fake", ...mode.extras };
  const usageNulls = mode.streamUsage === "include_usage" && includeUsage;
  const chunk = (choices: unknown[], extra: Json = {}): SseEvent => ({ data: JSON.stringify({ ...base, choices, ...(usageNulls ? { usage: null } : {}), ...extra }) });
  const choice = (index: number, delta: unknown, finish: string | null = null) => ({ index, delta, logprobs: null, finish_reason: finish });
  const piece = (text: string) => (asChunks(mode, model) ? [{ type: "text", text }] : text);
  const events: SseEvent[] = [];
  let produced = 0;
  const running = (): Json => (mode.streamUsage === "every_chunk" ? { usage: usageJson({ ...u, completion: Math.min(produced, u.completion) }, mode) } : {});
  if (mode.comment) events.push({ data: mode.comment, comment: true });
  for (let i = 0; i < n; i++) {
    if (plan.kind === "text") {
      events.push(chunk([choice(i, { role: "assistant", content: "", refusal: null })], running()));
      if (mode.comment && i === 0) events.push({ data: mode.comment, comment: true });
      for (const word of splitWords(plan.text)) {
        produced += 1;
        events.push(chunk([choice(i, { content: piece(word) })], running()));
      }
    } else {
      const call = { index: 0, id: nextId("call_"), type: "function", function: { name: plan.name, arguments: "" } };
      events.push(chunk([choice(i, { role: "assistant", content: null, tool_calls: [call], refusal: null })], running()));
      for (const part of splitFixed(plan.argsJson)) events.push(chunk([choice(i, { tool_calls: [{ index: 0, function: { arguments: part } }] })], running()));
    }
    const last = i === n - 1;
    const final: Json = !last
      ? running()
      : mode.streamUsage === "final_chunk" || mode.streamUsage === "every_chunk"
        ? { usage: usageJson(u, mode) }
        : mode.streamUsage === "x_groq"
          ? { x_groq: { id: "req_fake", usage: usageJson(u, mode) } }
          : {};
    events.push(chunk([choice(i, {}, finishReason(plan))], final));
  }
  if ((mode.streamUsage === "include_usage" && includeUsage) || mode.streamUsage === "usage_chunk") events.push({ data: JSON.stringify({ ...base, choices: [], usage: usageJson(u, mode) }) });
  if (mode.sendsDone) events.push({ data: "[DONE]" });
  return events;
}
