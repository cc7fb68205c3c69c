// The fake OpenAI server's Responses API (POST /v1/responses, https://platform.openai.com/docs/api-reference/responses,
// the openai SDK 6.x `responses` types): request checks, the Response object, and the stream's
// events in OpenAI's order (response.created, response.in_progress, output items with their
// parts and deltas, response.completed / response.incomplete). A reasoning item comes first
// when the request asks for reasoning; a tool call when tools are offered (conversation.ts).
import { computeUsage, planReply, splitFixed, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage } from "./conversation";
import type { CompatMode } from "./compat-modes";
import { nextId, unixSeconds } from "./ids";
import type { SseEvent } from "./sse";
import type { Behaviour } from "./types";

type Json = Record<string, unknown>;

/** The Responses request fields OpenAI documents (openai SDK 6.49 ResponseCreateParams, plus max_tool_calls). */
const PARAMS = new Set(
  ("background context_management conversation include input instructions max_output_tokens max_tool_calls metadata model moderation " +
    "parallel_tool_calls previous_response_id prompt prompt_cache_key prompt_cache_options prompt_cache_retention reasoning " +
    "safety_identifier service_tier store stream stream_options temperature text tool_choice tools top_logprobs top_p truncation user").split(" "),
);

export const REASONING_SUMMARY = "Thinking it over.";

/** The request's problem as OpenAI reports it: [status, body], or undefined. */
export function validateResponsesRequest(body: unknown, mode: CompatMode): [number, Json] | undefined {
  const refuse = (message: string, param: string | null = null, code: string | null = null): [number, Json] => [400, mode.error(message, 400, param, code)];
  if (!body || typeof body !== "object" || Array.isArray(body)) return refuse("We could not parse the JSON body of your request.");
  const b = body as Json;
  const unknown = Object.keys(b).find((k) => !PARAMS.has(k));
  if (unknown) return refuse(`Unknown parameter: '${unknown}'.`, unknown, "unknown_parameter");
  if (typeof b.model !== "string" || !b.model) return refuse("Missing required parameter: 'model'.", "model", "missing_required_parameter");
  if (typeof b.input !== "string" && !Array.isArray(b.input)) return refuse("Missing required parameter: 'input'.", "input", "missing_required_parameter");
  if (b.previous_response_id != null && b.store === false) return refuse(`Previous response with id '${String(b.previous_response_id)}' not found.`, "previous_response_id", "previous_response_not_found");
  if (b.stream_options != null && b.stream !== true) return refuse("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "stream_options");
  if (typeof b.max_output_tokens === "number" && b.max_output_tokens < 16) return refuse(`Invalid 'max_output_tokens': integer below minimum value. Expected a value >= 16, but got ${b.max_output_tokens} instead.`, "max_output_tokens", "integer_below_min_value");
  return undefined;
}

/** Function tools, top-level or in a namespace (Codex CLI groups some). */
function functionTools(tools: unknown): { name: string; schema: unknown }[] {
  const list = Array.isArray(tools) ? (tools as Json[]) : [];
  return list.flatMap((t) => (t.type === "namespace" && Array.isArray(t.tools) ? (t.tools as Json[]) : [t])).filter((t) => t.type === "function" && typeof t.name === "string").map((t) => ({ name: t.name as string, schema: t.parameters }));
}

export function responsesConversation(b: Json): Conversation {
  const items: Json[] = typeof b.input === "string" ? [{ role: "user", content: b.input }] : (b.input as Json[]);
  const messages = items.filter((i) => (i.type === undefined || i.type === "message") && typeof i.role === "string");
  const texts = [typeof b.instructions === "string" ? b.instructions : "", ...messages.map((m) => textOf(m.content))].filter(Boolean);
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const lastType = items[items.length - 1]?.type;
  const tc = b.tool_choice as Json | string | undefined;
  const toolChoice: ToolChoice = typeof tc === "object" && tc ? (tc.type === "function" ? { name: String(tc.name) } : "required") : tc === "none" || tc === "required" ? tc : "auto";
  return {
    texts,
    last: lastType === "function_call_output" || lastType === "custom_tool_call_output" ? { kind: "tool-result" } : { kind: "user", text: textOf(lastUser?.content) },
    tools: functionTools(b.tools),
    toolChoice,
    maxTokens: typeof b.max_output_tokens === "number" ? b.max_output_tokens : undefined,
    stop: [],
  };
}

/** OpenAI's ResponseUsage; xAI leaves reasoning out of output_tokens (total_tokens has it). */
export function responsesUsage(u: Usage, mode: CompatMode): Json {
  const output = u.completion + u.reasoning;
  return {
    input_tokens: u.prompt,
    input_tokens_details: { cached_tokens: u.cached, cache_write_tokens: 0 },
    output_tokens: mode.reasoningApart ? u.completion : output,
    output_tokens_details: { reasoning_tokens: u.reasoning },
    total_tokens: u.prompt + output,
  };
}

interface Reply {
  plan: Plan;
  usage: Usage;
  reasoning: boolean;
  summary: boolean;
  encrypted: boolean;
}

export function planResponsesReply(b: Json, behaviour: Behaviour): Reply {
  const conv = responsesConversation(b);
  const plan = planReply(conv);
  const reasoning = b.reasoning && typeof b.reasoning === "object" ? (b.reasoning as Json) : null;
  const include = Array.isArray(b.include) ? b.include : [];
  return {
    plan,
    usage: computeUsage(conv, plan, behaviour),
    reasoning: reasoning !== null && reasoning.effort !== "none",
    summary: reasoning?.summary != null && reasoning.summary !== "none",
    encrypted: include.includes("reasoning.encrypted_content"),
  };
}

function outputItems(reply: Reply, ids: { reasoning: string; item: string; call: string }, done: boolean): Json[] {
  const items: Json[] = [];
  if (reply.reasoning) {
    items.push({ id: ids.reasoning, type: "reasoning", summary: reply.summary && done ? [{ type: "summary_text", text: REASONING_SUMMARY }] : [], ...(reply.encrypted ? { encrypted_content: "gAAAAfake-encrypted-reasoning" } : {}) });
  }
  const { plan } = reply;
  if (plan.kind === "tool") {
    items.push({ id: ids.item, type: "function_call", status: done ? "completed" : "in_progress", arguments: done ? plan.argsJson : "", call_id: ids.call, name: plan.name });
  } else {
    const content = done ? [{ type: "output_text", text: plan.text, annotations: [], logprobs: [] }] : [];
    items.push({ id: ids.item, type: "message", status: done ? "completed" : "in_progress", role: "assistant", content });
  }
  return items;
}

function responseObject(b: Json, model: string, reply: Reply, id: string, ids: { reasoning: string; item: string; call: string }, state: "in_progress" | "final", mode: CompatMode): Json {
  const incomplete = state === "final" && reply.plan.kind === "text" && reply.plan.finish === "length";
  const status = state === "in_progress" ? "in_progress" : incomplete ? "incomplete" : "completed";
  return {
    id,
    object: "response",
    created_at: unixSeconds(),
    status,
    background: false,
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" } : null,
    instructions: b.instructions ?? null,
    max_output_tokens: b.max_output_tokens ?? null,
    model,
    output: state === "final" ? outputItems(reply, ids, true) : [],
    parallel_tool_calls: b.parallel_tool_calls ?? true,
    previous_response_id: null,
    reasoning: { effort: (b.reasoning as Json | undefined)?.effort ?? null, summary: (b.reasoning as Json | undefined)?.summary ?? null },
    service_tier: "default",
    store: b.store ?? true,
    temperature: b.temperature ?? 1,
    text: { format: { type: "text" }, verbosity: "medium" },
    tool_choice: b.tool_choice ?? "auto",
    tools: b.tools ?? [],
    top_p: b.top_p ?? 1,
    truncation: "disabled",
    usage: state === "final" ? responsesUsage(reply.usage, mode) : null,
    user: null,
    metadata: b.metadata ?? {},
  };
}

const newIds = () => ({ response: nextId("resp_", 24), reasoning: nextId("rs_", 24), item: nextId("msg_", 24), call: nextId("call_", 24) });

/** The complete (non-streamed) Response. */
export function responsesAnswer(b: Json, model: string, reply: Reply, mode: CompatMode): Json {
  const ids = newIds();
  if (reply.plan.kind === "tool") ids.item = ids.item.replace(/^msg_/, "fc_");
  return responseObject(b, model, reply, ids.response, ids, "final", mode);
}

/** The stream's events, each `event: <type>` + `data: {…, sequence_number}`. */
export function responsesEvents(b: Json, model: string, reply: Reply, mode: CompatMode): SseEvent[] {
  const ids = newIds();
  if (reply.plan.kind === "tool") ids.item = ids.item.replace(/^msg_/, "fc_");
  const events: SseEvent[] = [];
  const emit = (type: string, fields: Json) => events.push({ event: type, data: JSON.stringify({ type, ...fields, sequence_number: events.length }) });
  const inProgress = responseObject(b, model, reply, ids.response, ids, "in_progress", mode);
  emit("response.created", { response: inProgress });
  emit("response.in_progress", { response: inProgress });
  const [started, finished] = [outputItems(reply, ids, false), outputItems(reply, ids, true)];
  let index = 0;
  if (reply.reasoning) {
    emit("response.output_item.added", { output_index: 0, item: started[0] });
    if (reply.summary) {
      const at = { item_id: ids.reasoning, output_index: 0, summary_index: 0 };
      emit("response.reasoning_summary_part.added", { ...at, part: { type: "summary_text", text: "" } });
      for (const delta of splitWords(REASONING_SUMMARY)) emit("response.reasoning_summary_text.delta", { ...at, delta });
      emit("response.reasoning_summary_text.done", { ...at, text: REASONING_SUMMARY });
      emit("response.reasoning_summary_part.done", { ...at, part: { type: "summary_text", text: REASONING_SUMMARY } });
    }
    emit("response.output_item.done", { output_index: 0, item: finished[0] });
    index = 1;
  }
  emit("response.output_item.added", { output_index: index, item: started[index] });
  const { plan } = reply;
  if (plan.kind === "tool") {
    for (const delta of splitFixed(plan.argsJson)) emit("response.function_call_arguments.delta", { item_id: ids.item, output_index: index, delta });
    emit("response.function_call_arguments.done", { item_id: ids.item, output_index: index, name: plan.name, arguments: plan.argsJson });
  } else {
    const at = { item_id: ids.item, output_index: index, content_index: 0 };
    emit("response.content_part.added", { ...at, part: { type: "output_text", text: "", annotations: [] } });
    for (const delta of splitWords(plan.text)) emit("response.output_text.delta", { ...at, delta, logprobs: [] });
    emit("response.output_text.done", { ...at, text: plan.text, logprobs: [] });
    emit("response.content_part.done", { ...at, part: { type: "output_text", text: plan.text, annotations: [] } });
  }
  emit("response.output_item.done", { output_index: index, item: finished[index] });
  const final = responseObject(b, model, reply, ids.response, ids, "final", mode);
  emit(final.status === "incomplete" ? "response.incomplete" : "response.completed", { response: final });
  return events;
}

/** OpenAI's `error` event, after `after` events of the stream. */
export function responsesStreamError(events: SseEvent[], after: number, message: string): SseEvent[] {
  const kept = events.slice(0, after);
  return [...kept, { event: "error", data: JSON.stringify({ type: "error", code: "server_error", message, param: null, sequence_number: kept.length }) }];
}
