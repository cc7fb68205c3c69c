// Fake Gemini API: POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse,
// GET /v1beta/models, in the shapes of https://ai.google.dev/api/generate-content
// (see fixtures/gemini/README.md). Proto JSON accepts camelCase and snake_case field names.
import { computeUsage, planReply, splitWords, textOf, type Conversation, type Plan, type ToolChoice, type Usage } from "./conversation";
import { sendJson, startFakeServer, type FakeContext } from "./http";
import { nextId } from "./ids";
import { countTokensAnswer, embedAnswer, FAKE_EMBEDDING_MODELS } from "./gemini-extras";
import { streamEvents, type SseEvent } from "./sse";
import type { FakeServer, FakeServerOptions } from "./types";

const FIELDS = ["contents", "tools", "toolConfig", "safetySettings", "systemInstruction", "generationConfig", "cachedContent", "labels", "serviceTier"];
const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const KNOWN_FIELDS = new Set(FIELDS.flatMap((f) => [f, snake(f)]));
const ROUTE = /^\/(v1beta|v1)\/models\/([^/:]+):(generateContent|streamGenerateContent|countTokens|embedContent|batchEmbedContents)$/;
const MODEL_ROUTE = /^\/(v1beta|v1)\/models\/([^/:]+)$/;
export const THOUGHT_SUMMARY = "Thinking it over.";
const STATUS: Record<number, [string, string]> = {
  400: ["INVALID_ARGUMENT", "Request contains an invalid argument."],
  403: ["PERMISSION_DENIED", "The caller does not have permission"],
  404: ["NOT_FOUND", "Requested entity was not found."],
  429: ["RESOURCE_EXHAUSTED", "You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits."],
  500: ["INTERNAL", "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting"],
  503: ["UNAVAILABLE", "The model is overloaded. Please try again later."],
  504: ["DEADLINE_EXCEEDED", "Deadline expired before operation could complete."],
};

type Json = Record<string, unknown>;

/** A proto field read under its camelCase or snake_case name. */
const field = (obj: unknown, name: string): unknown => (obj && typeof obj === "object" ? ((obj as Json)[name] ?? (obj as Json)[snake(name)]) : undefined);

export function geminiError(code: number, message?: string, details?: unknown[]) {
  const [status, fallback] = STATUS[code] ?? (code >= 500 ? ["INTERNAL", STATUS[500]?.[1] ?? ""] : ["INVALID_ARGUMENT", "Request contains an invalid argument."]);
  return { error: { code, message: message ?? fallback, status, ...(details ? { details } : {}) } };
}

/** The real API answers a bad key with 400 INVALID_ARGUMENT / API_KEY_INVALID, not 401. */
function invalidKey(debugDetail?: string) {
  const message = "API key not valid. Please pass a valid API key.";
  const details: unknown[] = [
    { "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } },
    { "@type": "type.googleapis.com/google.rpc.LocalizedMessage", locale: "en-US", message },
  ];
  if (debugDetail) details.push({ "@type": "type.googleapis.com/google.rpc.DebugInfo", detail: debugDetail });
  return geminiError(400, message, details);
}

async function checkAuth(ctx: FakeContext): Promise<boolean> {
  const key = ctx.record.apiKey;
  if (!key) {
    await sendJson(ctx, 403, geminiError(403, "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API."));
    return false;
  }
  if (ctx.options.expectedKey !== undefined && key !== ctx.options.expectedKey) {
    await sendJson(ctx, 400, invalidKey());
    return false;
  }
  return true;
}

function validate(body: unknown): string | undefined {
  if (!body || typeof body !== "object" || Array.isArray(body)) return "Invalid JSON payload received. Expected an object.";
  const unknown = Object.keys(body).find((k) => !KNOWN_FIELDS.has(k));
  if (unknown) return `Invalid JSON payload received. Unknown name "${unknown}": Cannot find field.`;
  const contents = field(body, "contents");
  if (!Array.isArray(contents) || contents.length === 0) return "* GenerateContentRequest.contents: contents is not specified\n";
  if ((contents as Json[]).some((c) => c?.role !== undefined && c.role !== "user" && c.role !== "model")) return "Please use a valid role: user, model.";
  return undefined;
}

function toConversation(b: Json): Conversation {
  const contents = field(b, "contents") as Json[];
  const texts = [textOf(field(field(b, "systemInstruction"), "parts")), ...contents.map((c) => textOf(c.parts))].filter(Boolean);
  const lastParts = (contents[contents.length - 1]?.parts ?? []) as Json[];
  const isToolResult = Array.isArray(lastParts) && lastParts.some((p) => field(p, "functionResponse") !== undefined);
  const lastUser = [...contents].reverse().find((c) => c.role === undefined || c.role === "user");
  const tools = ((field(b, "tools") ?? []) as Json[])
    .flatMap((t) => (field(t, "functionDeclarations") ?? []) as Json[])
    .map((f) => ({ name: String(f.name), schema: field(f, "parameters") ?? field(f, "parametersJsonSchema") }));
  const config = field(field(b, "toolConfig"), "functionCallingConfig");
  const mode = String(field(config, "mode") ?? "AUTO").toUpperCase();
  const allowed = field(config, "allowedFunctionNames");
  const named = Array.isArray(allowed) && typeof allowed[0] === "string" ? { name: allowed[0] } : undefined;
  const toolChoice: ToolChoice = mode === "NONE" ? "none" : mode === "ANY" ? (named ?? "required") : "auto";
  const generation = field(b, "generationConfig");
  const maxTokens = field(generation, "maxOutputTokens");
  const stop = field(generation, "stopSequences");
  return {
    texts,
    last: isToolResult ? { kind: "tool-result" } : { kind: "user", text: textOf(lastUser?.parts) },
    tools,
    toolChoice,
    maxTokens: typeof maxTokens === "number" ? maxTokens : undefined,
    stop: Array.isArray(stop) ? stop.map(String) : [],
  };
}

/** promptTokenCount includes the cached part; thoughts are counted apart from candidates. */
function usageJson(u: Usage, final: boolean) {
  const total = u.prompt + (final ? u.completion + u.reasoning : 0);
  return {
    promptTokenCount: u.prompt,
    ...(final ? { candidatesTokenCount: u.completion } : {}),
    totalTokenCount: total,
    ...(u.cached > 0 ? { cachedContentTokenCount: u.cached } : {}),
    promptTokensDetails: [{ modality: "TEXT", tokenCount: u.prompt }],
    ...(u.cached > 0 ? { cacheTokensDetails: [{ modality: "TEXT", tokenCount: u.cached }] } : {}),
    ...(final && u.reasoning > 0 ? { thoughtsTokenCount: u.reasoning } : {}),
  };
}

const finishOf = (plan: Plan) => (plan.kind === "text" && plan.finish === "length" ? "MAX_TOKENS" : "STOP");

function responses(model: string, plan: Plan, u: Usage, stream: boolean, thoughts: boolean): Json[] {
  const responseId = nextId("fake-response-", 8);
  const response = (parts: Json[], final: boolean): Json => ({
    candidates: [{ content: { parts, role: "model" }, ...(final ? { finishReason: finishOf(plan) } : {}), index: 0 }],
    usageMetadata: usageJson(u, final),
    modelVersion: model,
    responseId,
  });
  const thought = thoughts ? [{ text: THOUGHT_SUMMARY, thought: true }] : [];
  if (plan.kind === "tool") return [response([...thought, { functionCall: { name: plan.name, args: plan.args } }], true)];
  if (!stream) return [response([...thought, { text: plan.text }], true)];
  const words = splitWords(plan.text);
  if (words.length === 0) words.push("");
  const chunks = words.map((text, i) => response([{ text }], i === words.length - 1));
  return thoughts ? [response(thought, false), ...chunks] : chunks;
}

async function generate(ctx: FakeContext, model: string, stream: boolean): Promise<void> {
  const invalid = validate(ctx.record.json);
  if (invalid) return sendJson(ctx, 400, geminiError(400, invalid));
  const b = ctx.record.json as Json;
  const behaviour = ctx.behaviour(model);
  if (behaviour.kind === "key-echo") return sendJson(ctx, behaviour.status ?? 400, invalidKey(`Invalid API key: ${ctx.record.apiKey}`));
  if (behaviour.kind === "rate-limit") {
    const retry = behaviour.retryAfterSeconds ?? 1;
    const details = [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${retry}s` }];
    return sendJson(ctx, 429, geminiError(429, behaviour.message, details), { "retry-after": String(retry) });
  }
  if (behaviour.kind === "error") {
    const status = behaviour.status ?? 500;
    return sendJson(ctx, status, geminiError(status, behaviour.message));
  }
  const conv = toConversation(b);
  const plan = planReply(conv, behaviour);
  const usage = computeUsage(conv, plan, behaviour);
  const thinking = field(field(b, "generationConfig"), "thinkingConfig");
  const bodies = responses(model, plan, usage, stream, field(thinking, "includeThoughts") === true);
  if (!stream) return sendJson(ctx, 200, bodies[0]);
  if (ctx.record.query.alt !== "sse") return sendJson(ctx, 200, bodies);
  let events: SseEvent[] = bodies.map((r) => ({ data: JSON.stringify(r) }));
  if (behaviour.kind === "stream-error") {
    events = [...events.slice(0, behaviour.errorAfterChunks ?? 2), { data: JSON.stringify(geminiError(500, behaviour.message)) }];
  }
  await streamEvents(ctx, events, { lineEnding: "\r\n", contentType: "text/event-stream" });
}

const MODELS = ["gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite", "gemini-2.0-flash"];

const modelInfo = (id: string) => ({
  name: `models/${id}`, version: "001", displayName: id, description: `Fake ${id}`, inputTokenLimit: 1048576, outputTokenLimit: 65536,
  supportedGenerationMethods: FAKE_EMBEDDING_MODELS.includes(id) ? ["embedContent"] : ["generateContent", "countTokens"],
});

/** countTokens, embedContent, batchEmbedContents (gemini-extras.ts). */
async function other(ctx: FakeContext, model: string, method: string): Promise<void> {
  const body = ctx.record.json;
  if (!body || typeof body !== "object" || Array.isArray(body)) return sendJson(ctx, 400, geminiError(400, "Invalid JSON payload received. Expected an object."));
  const behaviour = ctx.behaviour(model);
  if (behaviour.kind === "error") return sendJson(ctx, behaviour.status ?? 500, geminiError(behaviour.status ?? 500, behaviour.message));
  const answer = method === "countTokens" ? countTokensAnswer(body as Json) : embedAnswer(body as Json, model, method === "batchEmbedContents");
  return answer.ok ? sendJson(ctx, 200, answer.body) : sendJson(ctx, 400, geminiError(400, answer.message));
}

async function route(ctx: FakeContext): Promise<void> {
  const { method, path } = ctx.record;
  const match = method === "POST" ? ROUTE.exec(path) : null;
  const list = method === "GET" && /^\/(v1beta|v1)\/models$/.test(path);
  const one = method === "GET" ? MODEL_ROUTE.exec(path) : null;
  if (!match && !list && !one) return sendJson(ctx, 404, geminiError(404, `Method not found: ${method} ${path}`));
  if (!(await checkAuth(ctx))) return;
  if (list) return sendJson(ctx, 200, { models: [...MODELS, ...FAKE_EMBEDDING_MODELS].map(modelInfo) });
  if (one) {
    const id = one[2]!;
    return [...MODELS, ...FAKE_EMBEDDING_MODELS].includes(id) ? sendJson(ctx, 200, modelInfo(id)) : sendJson(ctx, 404, geminiError(404, `models/${id} is not found for API version ${one[1]}`));
  }
  const action = match![3]!;
  if (action !== "generateContent" && action !== "streamGenerateContent") return other(ctx, match![2]!, action);
  await generate(ctx, match![2]!, action === "streamGenerateContent");
}

/** Base URL for GEMINI_BASE_URL: `${url}` (paths start with /v1beta). */
export function startFakeGemini(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeServer("gemini", options, (req, query) => {
    const header = req.headers["x-goog-api-key"];
    return ((Array.isArray(header) ? header[0] : header) ?? query.key)?.trim() || undefined;
  }, route);
}
