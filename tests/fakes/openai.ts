// Fake OpenAI: POST /v1/chat/completions (JSON and SSE) and GET /v1/models, in the shapes of
// https://platform.openai.com/docs/api-reference/chat (see fixtures/openai/README.md).
import type { IncomingMessage } from "node:http";
import { computeUsage, planReply, splitFixed, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage } from "./conversation";
import { sendJson, startFakeServer, type FakeContext } from "./http";
import { nextId, unixSeconds } from "./ids";
import { streamEvents, type SseEvent } from "./sse";
import type { FakeServer, FakeServerOptions } from "./types";

/** Top-level fields of the documented Chat Completions request; anything else is refused. */
const KNOWN_PARAMS = new Set(
  ("messages model audio frequency_penalty function_call functions logit_bias logprobs max_completion_tokens " +
    "max_tokens metadata modalities moderation n parallel_tool_calls prediction presence_penalty prompt_cache_key " +
    "prompt_cache_options prompt_cache_retention reasoning_effort response_format safety_identifier seed service_tier stop store " +
    "stream stream_options temperature tool_choice tools top_logprobs top_p user verbosity web_search_options").split(" "),
);
const ROLES = ["system", "assistant", "user", "function", "tool", "developer"];
const SERVER_ERROR = "The server had an error while processing your request. Sorry about that!";

type Json = Record<string, unknown>;

export function openaiError(message: string, type: string, param: string | null = null, code: string | null = null) {
  return { error: { message, type, param, code } };
}

function keyOf(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1]?.trim() || undefined;
}

/** OpenAI shows the first 8 and last 4 characters of a rejected key. */
function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : key;
}

const invalidKey = (shown: string) =>
  openaiError(`Incorrect API key provided: ${shown}. You can find your API key at https://platform.openai.com/account/api-keys.`, "invalid_request_error", null, "invalid_api_key");

async function checkAuth(ctx: FakeContext): Promise<boolean> {
  const key = ctx.record.apiKey;
  if (!key) {
    await sendJson(ctx, 401, openaiError(
      "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
      "invalid_request_error",
    ));
    return false;
  }
  if (ctx.options.expectedKey !== undefined && key !== ctx.options.expectedKey) {
    await sendJson(ctx, 401, invalidKey(maskKey(key)));
    return false;
  }
  return true;
}

function validate(body: unknown): ReturnType<typeof openaiError> | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    return openaiError("We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)", "invalid_request_error");
  }
  const b = body as Json;
  const unknown = Object.keys(b).find((k) => !KNOWN_PARAMS.has(k));
  if (unknown) return openaiError(`Unrecognized request argument supplied: ${unknown}`, "invalid_request_error");
  if (typeof b.model !== "string" || !b.model) return openaiError("you must provide a model parameter", "invalid_request_error");
  if (!Array.isArray(b.messages)) return openaiError("Missing required parameter: 'messages'.", "invalid_request_error", "messages", "missing_required_parameter");
  if (b.messages.length === 0) {
    return openaiError("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", "invalid_request_error", "messages", "empty_array");
  }
  const bad = (b.messages as Json[]).findIndex((m) => !ROLES.includes(String(m?.role)));
  if (bad >= 0) {
    const role = String((b.messages as Json[])[bad]?.role);
    return openaiError(`Invalid value: '${role}'. Supported values are: 'system', 'assistant', 'user', 'function', 'tool', and 'developer'.`, "invalid_request_error", `messages[${bad}].role`, "invalid_value");
  }
  if (b.stream_options != null && b.stream !== true) {
    return openaiError("The 'stream_options' parameter is only allowed when 'stream' is enabled.", "invalid_request_error", "stream_options");
  }
  return undefined;
}

function toConversation(b: Json): Conversation {
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

function usageJson(u: Usage) {
  const completion = u.completion + u.reasoning;
  return {
    prompt_tokens: u.prompt,
    completion_tokens: completion,
    total_tokens: u.prompt + completion,
    prompt_tokens_details: { cached_tokens: u.cached, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: u.reasoning, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

const finishReason = (plan: Plan) => (plan.kind === "tool" ? "tool_calls" : plan.finish === "length" ? "length" : "stop");

function completion(model: string, plan: Plan, n: number, u: Usage) {
  const message =
    plan.kind === "text"
      ? { role: "assistant", content: plan.text, refusal: null, annotations: [] }
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
    usage: usageJson(u),
    service_tier: "default",
    system_fingerprint: "fp_fake",
  };
}

function chunks(model: string, plan: Plan, n: number, u: Usage, includeUsage: boolean): SseEvent[] {
  const base = { id: nextId("chatcmpl-"), object: "chat.completion.chunk", created: unixSeconds(), model, service_tier: "default", system_fingerprint: "fp_fake" };
  const chunk = (choices: unknown[], usage?: unknown): SseEvent => ({
    data: JSON.stringify(includeUsage ? { ...base, choices, usage: usage ?? null } : { ...base, choices }),
  });
  const choice = (index: number, delta: unknown, finish: string | null = null) => ({ index, delta, logprobs: null, finish_reason: finish });
  const events: SseEvent[] = [];
  for (let i = 0; i < n; i++) {
    if (plan.kind === "text") {
      events.push(chunk([choice(i, { role: "assistant", content: "", refusal: null })]));
      for (const word of splitWords(plan.text)) events.push(chunk([choice(i, { content: word })]));
    } else {
      const call = { index: 0, id: nextId("call_"), type: "function", function: { name: plan.name, arguments: "" } };
      events.push(chunk([choice(i, { role: "assistant", content: null, tool_calls: [call], refusal: null })]));
      for (const piece of splitFixed(plan.argsJson)) events.push(chunk([choice(i, { tool_calls: [{ index: 0, function: { arguments: piece } }] })]));
    }
    events.push(chunk([choice(i, {}, finishReason(plan))]));
  }
  if (includeUsage) events.push(chunk([], usageJson(u)));
  events.push({ data: "[DONE]" });
  return events;
}

async function chatCompletions(ctx: FakeContext): Promise<void> {
  const invalid = validate(ctx.record.json);
  if (invalid) return sendJson(ctx, 400, invalid);
  const b = ctx.record.json as Json;
  const model = b.model as string;
  const behaviour = ctx.behaviour(model);
  const key = ctx.record.apiKey ?? "";
  if (behaviour.kind === "key-echo") return sendJson(ctx, behaviour.status ?? 401, invalidKey(key));
  if (behaviour.kind === "rate-limit") {
    const retry = behaviour.retryAfterSeconds ?? 1;
    return sendJson(ctx, 429, openaiError(
      behaviour.message ?? `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${retry}s.`,
      "requests", null, "rate_limit_exceeded",
    ), { "retry-after": String(retry), "retry-after-ms": String(retry * 1000), "x-ratelimit-remaining-requests": "0" });
  }
  if (behaviour.kind === "error") {
    const status = behaviour.status ?? 500;
    const body = status >= 500
      ? openaiError(behaviour.message ?? SERVER_ERROR, "server_error")
      : openaiError(behaviour.message ?? `Fake upstream error ${status}`, "invalid_request_error");
    return sendJson(ctx, status, body);
  }
  const conv = toConversation(b);
  const plan = planReply(conv);
  const n = typeof b.n === "number" && b.n > 0 ? b.n : 1;
  const one = computeUsage(conv, plan, behaviour);
  const usage = { ...one, completion: one.completion * n };
  if (b.stream !== true) return sendJson(ctx, 200, completion(model, plan, n, usage));
  const includeUsage = (b.stream_options as Json | undefined)?.include_usage === true;
  let events = chunks(model, plan, n, usage, includeUsage);
  if (behaviour.kind === "stream-error") {
    const error = openaiError(behaviour.message ?? SERVER_ERROR, "server_error");
    events = [...events.slice(0, behaviour.errorAfterChunks ?? 2), { data: JSON.stringify(error) }];
  }
  await streamEvents(ctx, events);
}

const MODELS = ["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4.1-mini", "o3-mini", "o4-mini"];

async function route(ctx: FakeContext): Promise<void> {
  const { method, path } = ctx.record;
  const known = (method === "POST" && path === "/v1/chat/completions") || (method === "GET" && path === "/v1/models");
  if (!known) return sendJson(ctx, 404, openaiError(`Invalid URL (${method} ${path})`, "invalid_request_error"));
  if (!(await checkAuth(ctx))) return;
  if (path === "/v1/models") {
    const data = MODELS.map((id) => ({ id, object: "model", created: 1686935002, owned_by: "system" }));
    return sendJson(ctx, 200, { object: "list", data });
  }
  await chatCompletions(ctx);
}

/** Base URL for the openai SDK: `${url}/v1`. */
export function startFakeOpenAI(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer("openai", options, (req) => keyOf(req), route);
}
