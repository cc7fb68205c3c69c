// Fake Anthropic Messages API: POST /v1/messages (JSON and named SSE events) and GET /v1/models,
// in the shapes of https://docs.claude.com/en/api/messages (see fixtures/anthropic/README.md).
import type { IncomingMessage } from "node:http";
import { computeUsage, planReply, splitFixed, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage, countWords } from "./conversation";
import { sendJson, startFakeServer, type FakeContext } from "./http";
import { nextId } from "./ids";
import { streamEvents, type SseEvent } from "./sse";
import type { FakeServer, FakeServerOptions } from "./types";

// The Messages API request fields: those of anthropic-version 2023-06-01 (with temperature, top_k,
// top_p) plus those the current SDK (1.14, anthropic-version 2026-10-21) sends.
const KNOWN_PARAMS = new Set(
  ("model messages max_tokens system metadata stop_sequences stream temperature top_k top_p tools tool_choice " +
    "thinking service_tier container mcp_servers context_management cache_control diagnostics inference_geo " +
    "output_config speed user_profile_id workspace_id").split(" "),
);
const ERROR_TYPES: Record<number, [string, string]> = {
  400: ["invalid_request_error", "Invalid request"],
  401: ["authentication_error", "invalid x-api-key"],
  402: ["billing_error", "Your credit balance is too low to access the Anthropic API."],
  403: ["permission_error", "Your API key does not have permission to use the specified resource."],
  404: ["not_found_error", "Not Found"],
  413: ["request_too_large", "Request exceeds the maximum allowed number of bytes."],
  429: ["rate_limit_error", "This request would exceed the rate limit for your organization of 50 requests per minute. For details, refer to: https://docs.claude.com/en/api/rate-limits."],
  500: ["api_error", "Internal server error"],
  529: ["overloaded_error", "Overloaded"],
};

type Json = Record<string, unknown>;

export function anthropicError(status: number, message?: string) {
  const [type, fallback] = ERROR_TYPES[status] ?? (status >= 500 ? ["api_error", "Internal server error"] : ["invalid_request_error", "Invalid request"]);
  return { type: "error", error: { type, message: message ?? fallback }, request_id: nextId("req_fake") };
}

async function checkHeaders(ctx: FakeContext): Promise<boolean> {
  const key = ctx.record.apiKey;
  if (!key) {
    await sendJson(ctx, 401, anthropicError(401, "x-api-key header is required"));
    return false;
  }
  if (ctx.options.expectedKey !== undefined && key !== ctx.options.expectedKey) {
    await sendJson(ctx, 401, anthropicError(401, "invalid x-api-key"));
    return false;
  }
  if (!ctx.req.headers["anthropic-version"]) {
    await sendJson(ctx, 400, anthropicError(400, "anthropic-version: header is required"));
    return false;
  }
  return true;
}

function validate(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "Request body must be a JSON object";
  const b = body as Json;
  const unknown = Object.keys(b).find((k) => !KNOWN_PARAMS.has(k));
  if (unknown) return `${unknown}: Extra inputs are not permitted`;
  for (const field of ["model", "max_tokens", "messages"]) if (b[field] === undefined) return `${field}: Field required`;
  if (typeof b.max_tokens !== "number") return "max_tokens: Input should be a valid integer";
  if (!Array.isArray(b.messages)) return "messages: Input should be a valid list";
  for (const [i, m] of (b.messages as Json[]).entries()) {
    if (m?.role === "system") {
      return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
    }
    if (m?.role !== "user" && m?.role !== "assistant") return `messages.${i}.role: Input should be 'user' or 'assistant'`;
  }
  return undefined;
}

function toConversation(b: Json): Conversation {
  const messages = b.messages as Json[];
  const texts = [textOf(b.system), ...messages.map((m) => textOf(m.content))].filter(Boolean);
  const last = messages[messages.length - 1];
  const isToolResult = Array.isArray(last?.content) && (last.content as Json[]).some((c) => c?.type === "tool_result");
  const lastUser = [...messages].reverse().find((m) => m.role === "user");
  const tools = (Array.isArray(b.tools) ? (b.tools as Json[]) : [])
    .filter((t) => typeof t.name === "string" && t.input_schema !== undefined)
    .map((t) => ({ name: t.name as string, schema: t.input_schema }));
  const tc = (b.tool_choice ?? {}) as Json;
  const toolChoice: ToolChoice = tc.type === "none" ? "none" : tc.type === "any" ? "required" : tc.type === "tool" ? { name: String(tc.name) } : "auto";
  return {
    texts,
    last: isToolResult ? { kind: "tool-result" } : { kind: "user", text: textOf(lastUser?.content) },
    tools,
    toolChoice,
    maxTokens: b.max_tokens as number,
    stop: Array.isArray(b.stop_sequences) ? b.stop_sequences.map(String) : [],
  };
}

/** input_tokens counts only what follows the cache: prompt = input + cache read + cache write. */
function usageJson(u: Usage, outputTokens: number) {
  return {
    input_tokens: u.prompt - u.cached - u.cacheWrite,
    cache_creation_input_tokens: u.cacheWrite,
    cache_read_input_tokens: u.cached,
    cache_creation: { ephemeral_5m_input_tokens: u.cacheWrite, ephemeral_1h_input_tokens: 0 },
    output_tokens: outputTokens,
    service_tier: "standard",
  };
}

function stopOf(plan: Plan): { stop_reason: string; stop_sequence: string | null } {
  if (plan.kind === "tool") return { stop_reason: "tool_use", stop_sequence: null };
  if (plan.finish === "length") return { stop_reason: "max_tokens", stop_sequence: null };
  if (plan.finish === "stop_sequence") return { stop_reason: "stop_sequence", stop_sequence: plan.stopSequence ?? null };
  return { stop_reason: "end_turn", stop_sequence: null };
}

function blocks(plan: Plan, preamble: string | undefined): Json[] {
  if (plan.kind === "text") return [{ type: "text", text: plan.text }];
  const tool = { type: "tool_use", id: nextId("toolu_fake"), name: plan.name, input: plan.args };
  return preamble ? [{ type: "text", text: preamble }, tool] : [tool];
}

function streamOf(message: Json, content: Json[], outputTokens: number): SseEvent[] {
  const ev = (data: Json): SseEvent => ({ event: String(data.type), data: JSON.stringify(data) });
  const events: SseEvent[] = [ev({ type: "message_start", message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...(message.usage as Json), output_tokens: 1 } } })];
  content.forEach((block, index) => {
    const start = block.type === "tool_use" ? { ...block, input: {} } : { type: "text", text: "" };
    events.push(ev({ type: "content_block_start", index, content_block: start }));
    if (index === 0) events.push(ev({ type: "ping" }));
    const deltas = block.type === "tool_use"
      ? ["", ...splitFixed(JSON.stringify(block.input))].map((partial_json) => ({ type: "input_json_delta", partial_json }))
      : splitWords(String(block.text)).map((text) => ({ type: "text_delta", text }));
    for (const delta of deltas) events.push(ev({ type: "content_block_delta", index, delta }));
    events.push(ev({ type: "content_block_stop", index }));
  });
  const delta = { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence };
  events.push(ev({ type: "message_delta", delta, usage: { output_tokens: outputTokens } }), ev({ type: "message_stop" }));
  return events;
}

async function messages(ctx: FakeContext): Promise<void> {
  const invalid = validate(ctx.record.json);
  if (invalid) return sendJson(ctx, 400, anthropicError(400, invalid));
  const b = ctx.record.json as Json;
  const model = String(b.model);
  const behaviour = ctx.behaviour(model);
  if (behaviour.kind === "key-echo") return sendJson(ctx, behaviour.status ?? 401, anthropicError(401, `invalid x-api-key: ${ctx.record.apiKey}`));
  if (behaviour.kind === "rate-limit") {
    const retry = String(behaviour.retryAfterSeconds ?? 1);
    return sendJson(ctx, 429, anthropicError(429, behaviour.message), { "retry-after": retry, "anthropic-ratelimit-requests-remaining": "0" });
  }
  if (behaviour.kind === "error") {
    const status = behaviour.status ?? 500;
    return sendJson(ctx, status, anthropicError(status, behaviour.message));
  }
  const conv = toConversation(b);
  const plan = planReply(conv);
  const preamble = plan.kind === "tool" ? behaviour.toolPreamble : undefined;
  const usage = computeUsage(conv, plan, behaviour, preamble ? countWords(preamble) : 0);
  const outputTokens = usage.completion + usage.reasoning;
  const content = blocks(plan, preamble);
  const message = { id: nextId("msg_fake"), type: "message", role: "assistant", model, content, ...stopOf(plan), usage: usageJson(usage, outputTokens) };
  if (b.stream !== true) return sendJson(ctx, 200, message);
  let events = streamOf(message, content, outputTokens);
  if (behaviour.kind === "stream-error") {
    const error = anthropicError(529, behaviour.message);
    events = [...events.slice(0, behaviour.errorAfterChunks ?? 2), { event: "error", data: JSON.stringify({ type: error.type, error: error.error }) }];
  }
  await streamEvents(ctx, events);
}

const MODELS: [string, string][] = [
  ["claude-sonnet-4-5-20250929", "Claude Sonnet 4.5"],
  ["claude-haiku-4-5-20251001", "Claude Haiku 4.5"],
  ["claude-opus-4-1-20250805", "Claude Opus 4.1"],
];

async function route(ctx: FakeContext): Promise<void> {
  const { method, path } = ctx.record;
  const known = (method === "POST" && path === "/v1/messages") || (method === "GET" && path === "/v1/models");
  if (!known) return sendJson(ctx, 404, anthropicError(404));
  if (!(await checkHeaders(ctx))) return;
  if (path === "/v1/models") {
    const data = MODELS.map(([id, display_name]) => ({ type: "model", id, display_name, created_at: "2025-01-01T00:00:00Z" }));
    return sendJson(ctx, 200, { data, has_more: false, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null });
  }
  await messages(ctx);
}

/** The documented x-api-key header; recent SDKs send the key as Authorization: Bearer instead. */
function keyOf(req: IncomingMessage): string | undefined {
  const header = req.headers["x-api-key"];
  const key = (Array.isArray(header) ? header[0] : header)?.trim();
  return key || /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "")?.[1]?.trim() || undefined;
}

/** Base URL for the Anthropic SDK and for ANTHROPIC_BASE_URL: `${url}` (paths start with /v1). */
export function startFakeAnthropic(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer("anthropic", options, keyOf, route);
}
