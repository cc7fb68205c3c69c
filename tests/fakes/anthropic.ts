// Fake Anthropic Messages API: POST /v1/messages (JSON and named SSE events: text, thinking with
// its signature, redacted thinking, tool_use with input_json_delta, ping, error),
// POST /v1/messages/count_tokens and GET /v1/models, in the shapes of
// https://docs.claude.com/en/api/messages and the SDK's types (see fixtures/anthropic/README.md).
import type { IncomingMessage } from "node:http";
import { computeUsage, planReply, splitFixed, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage, countWords } from "./conversation";
import { sendJson, startFakeServer, type FakeContext } from "./http";
import { nextId } from "./ids";
import { streamEvents, type SseEvent } from "./sse";
import { asksForHourCache, planThinking, thinkingDeltas, thinkingProblem } from "./anthropic-thinking";
import type { FakeServer, FakeServerOptions } from "./types";

// The Messages API request fields: those of anthropic-version 2023-06-01 (with temperature, top_k,
// top_p) plus those the current SDK (1.14, anthropic-version 2026-10-21) sends.
const KNOWN_PARAMS = new Set(
  ("model messages max_tokens system metadata stop_sequences stream temperature top_k top_p tools tool_choice " +
    "thinking service_tier container mcp_servers context_management cache_control diagnostics inference_geo " +
    "output_config speed user_profile_id workspace_id").split(" "),
);
/** Fields count_tokens does not take (https://docs.claude.com/en/api/messages-count-tokens). */
const GENERATION_ONLY = new Set("max_tokens stop_sequences stream temperature top_k top_p metadata service_tier inference_geo container diagnostics".split(" "));
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

/** The anthropic-beta values a request carries. */
export function betasOf(ctx: FakeContext): string[] {
  const header = ctx.req.headers["anthropic-beta"];
  return (Array.isArray(header) ? header.join(",") : (header ?? "")).split(",").map((b) => b.trim()).filter(Boolean);
}

function validate(body: unknown, { countOnly = false, betas = [] }: { countOnly?: boolean; betas?: string[] } = {}): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "Request body must be a JSON object";
  const b = body as Json;
  const unknown = Object.keys(b).find((k) => !KNOWN_PARAMS.has(k) || (countOnly && GENERATION_ONLY.has(k)));
  if (unknown) return `${unknown}: Extra inputs are not permitted`;
  for (const field of countOnly ? ["model", "messages"] : ["model", "max_tokens", "messages"]) if (b[field] === undefined) return `${field}: Field required`;
  if (!countOnly && typeof b.max_tokens !== "number") return "max_tokens: Input should be a valid integer";
  const thinking = thinkingProblem(b, betas);
  if (thinking && !(countOnly && thinking.includes("max_tokens"))) return thinking;
  if (!Array.isArray(b.messages)) return "messages: Input should be a valid list";
  for (const [i, m] of (b.messages as Json[]).entries()) {
    // System turns in the conversation need the mid-conversation beta (the SDK's BetaSystemMessageParam).
    if (m?.role === "system" && betas.includes("mid-conversation-tool-changes-2026-07-01")) continue;
    if (m?.role === "system") {
      return 'messages: Unexpected role "system". The Messages API accepts a top-level `system` parameter, not "system" as an input message role.';
    }
    if (m?.role !== "user" && m?.role !== "assistant") return `messages.${i}.role: Input should be 'user' or 'assistant'`;
  }
  return undefined;
}

function toConversation(b: Json): Conversation {
  const messages = (b.messages as Json[]).filter((m) => m.role !== "system");
  const systemTurns = (b.messages as Json[]).filter((m) => m.role === "system").map((m) => textOf(m.content));
  const texts = [textOf(b.system), ...systemTurns, ...messages.map((m) => textOf(m.content))].filter(Boolean);
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

/**
 * input_tokens counts only what follows the cache: prompt = input + cache read + cache write.
 * Writes go to the 1-hour cache when the request asked for it anywhere (ttl "1h"). With the
 * thinking-token-count beta, output_tokens_details says how much of the output was thinking.
 */
function usageJson(u: Usage, outputTokens: number, { hour, thinkingTokens }: { hour: boolean; thinkingTokens?: number }) {
  return {
    input_tokens: u.prompt - u.cached - u.cacheWrite,
    cache_creation_input_tokens: u.cacheWrite,
    cache_read_input_tokens: u.cached,
    cache_creation: { ephemeral_5m_input_tokens: hour ? 0 : u.cacheWrite, ephemeral_1h_input_tokens: hour ? u.cacheWrite : 0 },
    output_tokens: outputTokens,
    ...(thinkingTokens === undefined ? {} : { output_tokens_details: { thinking_tokens: thinkingTokens } }),
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

/** How a block opens in a stream, and the deltas that fill it. */
function blockEvents(block: Json): { start: Json; deltas: Json[] } {
  switch (block.type) {
    case "tool_use":
      return { start: { ...block, input: {} }, deltas: ["", ...splitFixed(JSON.stringify(block.input))].map((partial_json) => ({ type: "input_json_delta", partial_json })) };
    case "thinking":
      return { start: { type: "thinking", thinking: "", signature: "" }, deltas: thinkingDeltas(block) };
    case "redacted_thinking":
      return { start: block, deltas: [] };
    default:
      return { start: { type: "text", text: "" }, deltas: splitWords(String(block.text)).map((text) => ({ type: "text_delta", text })) };
  }
}

function streamOf(message: Json, content: Json[]): SseEvent[] {
  const ev = (data: Json): SseEvent => ({ event: String(data.type), data: JSON.stringify(data) });
  const usage = message.usage as Json;
  const events: SseEvent[] = [ev({ type: "message_start", message: { ...message, content: [], stop_reason: null, stop_sequence: null, usage: { ...usage, output_tokens: 1 } } })];
  content.forEach((block, index) => {
    const { start, deltas } = blockEvents(block);
    events.push(ev({ type: "content_block_start", index, content_block: start }));
    if (index === 0) events.push(ev({ type: "ping" }));
    for (const delta of deltas) events.push(ev({ type: "content_block_delta", index, delta }));
    events.push(ev({ type: "content_block_stop", index }));
  });
  const delta = { stop_reason: message.stop_reason, stop_sequence: message.stop_sequence };
  // As the current API does, the final message_delta repeats the input and cache counts; output is cumulative.
  const { service_tier: _tier, ...finalUsage } = usage;
  events.push(ev({ type: "message_delta", delta, usage: finalUsage }), ev({ type: "message_stop" }));
  return events;
}

async function messages(ctx: FakeContext): Promise<void> {
  const betas = betasOf(ctx);
  const invalid = validate(ctx.record.json, { betas });
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
  const plan = planReply(conv, behaviour);
  const preamble = plan.kind === "tool" ? behaviour.toolPreamble : undefined;
  const usage = computeUsage(conv, plan, behaviour, preamble ? countWords(preamble) : 0);
  const thinking = planThinking({ body: b, userText: conv.last.kind === "user" ? conv.last.text : "", behaviour });
  const outputTokens = usage.completion + usage.reasoning + thinking.tokens;
  const content = [...thinking.blocks, ...blocks(plan, preamble)];
  const thinkingTokens = betas.includes("thinking-token-count-2026-05-13") ? usage.reasoning + thinking.tokens : undefined;
  const message = { id: nextId("msg_fake"), type: "message", role: "assistant", model, content, ...stopOf(plan), usage: usageJson(usage, outputTokens, { hour: asksForHourCache(b), thinkingTokens }) };
  ctx.record.reportedUsage = message.usage;
  if (b.stream !== true) return sendJson(ctx, 200, message);
  let events = streamOf(message, content);
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

/** POST /v1/messages/count_tokens: {input_tokens} by the token rule (free: no usage). */
async function countTokens(ctx: FakeContext): Promise<void> {
  const invalid = validate(ctx.record.json, { countOnly: true, betas: betasOf(ctx) });
  if (invalid) return sendJson(ctx, 400, anthropicError(400, invalid));
  const b = ctx.record.json as Json;
  const behaviour = ctx.behaviour(String(b.model));
  if (behaviour.kind === "error") return sendJson(ctx, behaviour.status ?? 500, anthropicError(behaviour.status ?? 500, behaviour.message));
  const conv = toConversation({ ...b, max_tokens: 1 });
  return sendJson(ctx, 200, { input_tokens: conv.texts.reduce((sum, t) => sum + countWords(t), 0) });
}

const ROUTES = ["POST /v1/messages", "POST /v1/messages/count_tokens", "GET /v1/models"];

async function route(ctx: FakeContext): Promise<void> {
  const { method, path } = ctx.record;
  if (!ROUTES.includes(`${method} ${path}`)) return sendJson(ctx, 404, anthropicError(404));
  if (!(await checkHeaders(ctx))) return;
  if (path === "/v1/messages/count_tokens") return countTokens(ctx);
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
