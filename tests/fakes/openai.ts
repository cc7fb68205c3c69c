// Fake OpenAI: POST /v1/chat/completions (JSON and SSE) and GET /v1/models, in the shapes of
// https://platform.openai.com/docs/api-reference/chat (see fixtures/openai/README.md). With a
// `mode` it is another provider that speaks OpenAI's format (Groq, Mistral…): its path, key
// check, errors and documented quirks (compat-modes.ts).
import type { IncomingMessage } from "node:http";
import { computeUsage, planReply } from "./conversation";
import { COMPAT_MODES, type CompatMode, type CompatProvider } from "./compat-modes";
import { sendJson, startFakeServer, type FakeContext } from "./http";
import { embeddingsAnswer, validateEmbeddingsRequest } from "./openai-embeddings";
import { planResponsesReply, responsesAnswer, responsesEvents, responsesStreamError, validateResponsesRequest } from "./openai-responses";
import { chunks, completion, openaiError, toConversation, validate } from "./openai-wire";
import { streamEvents } from "./sse";
import type { FakeServer, FakeServerOptions } from "./types";

export { openaiError } from "./openai-wire";

const SERVER_ERROR = "The server had an error while processing your request. Sorry about that!";

type Json = Record<string, unknown>;

function keyOf(req: IncomingMessage): string | undefined {
  const m = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? "");
  return m?.[1]?.trim() || undefined;
}

/** OpenAI shows the first 8 and last 4 characters of a rejected key. */
function maskKey(key: string): string {
  return key.length > 12 ? `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}` : key;
}

/** xAI answers a wrong key with 400; the others with 401. */
const keyStatus = (mode: CompatMode) => (mode.provider === "xai" ? 400 : 401);

async function checkAuth(ctx: FakeContext, mode: CompatMode): Promise<boolean> {
  const key = ctx.record.apiKey;
  if (!key) {
    const body = mode.provider === "openai"
      ? openaiError(
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
          "invalid_request_error",
        )
      : mode.invalidKey("");
    await sendJson(ctx, keyStatus(mode), body);
    return false;
  }
  const wrongShape = !mode.keyPattern.test(key);
  if (wrongShape || (ctx.options.expectedKey !== undefined && key !== ctx.options.expectedKey)) {
    await sendJson(ctx, keyStatus(mode), mode.invalidKey(maskKey(key)));
    return false;
  }
  return true;
}

/** The behaviours every endpoint shares (key echo, 429, error); true when one answered. */
async function answerFault(ctx: FakeContext, mode: CompatMode, model: string): Promise<boolean> {
  const behaviour = ctx.behaviour(model);
  const key = ctx.record.apiKey ?? "";
  if (behaviour.kind === "key-echo") {
    // The provider's invalid-key error with the whole key in it (to test scrubbing).
    const status = behaviour.status ?? keyStatus(mode);
    const own = mode.invalidKey(key);
    await sendJson(ctx, status, JSON.stringify(own).includes(key) ? own : mode.error(`Incorrect API key provided: ${key}`, status));
    return true;
  }
  if (behaviour.kind === "rate-limit") {
    const retry = behaviour.retryAfterSeconds ?? 1;
    const message = behaviour.message ?? `Rate limit reached for ${model} in organization org-fake on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in ${retry}s.`;
    const body = mode.provider === "openai" ? openaiError(message, "requests", null, "rate_limit_exceeded") : mode.error(message, 429);
    await sendJson(ctx, 429, body, { "retry-after": String(retry), "retry-after-ms": String(retry * 1000), "x-ratelimit-remaining-requests": "0" });
    return true;
  }
  if (behaviour.kind === "error") {
    const status = behaviour.status ?? 500;
    await sendJson(ctx, status, mode.error(behaviour.message ?? (status >= 500 ? SERVER_ERROR : `Fake upstream error ${status}`), status));
    return true;
  }
  return false;
}

async function chatCompletions(ctx: FakeContext, mode: CompatMode): Promise<void> {
  const invalid = validate(ctx.record.json, mode);
  if (invalid) return sendJson(ctx, invalid[0], invalid[1]);
  const b = ctx.record.json as Json;
  const model = b.model as string;
  if (await answerFault(ctx, mode, model)) return;
  const behaviour = ctx.behaviour(model);
  const conv = toConversation(b);
  const plan = planReply(conv, behaviour);
  const n = typeof b.n === "number" && b.n > 0 ? b.n : 1;
  const one = computeUsage(conv, plan, behaviour);
  const usage = { ...one, completion: one.completion * n };
  if (b.stream !== true) return sendJson(ctx, 200, completion(model, plan, n, usage, mode));
  const includeUsage = (b.stream_options as Json | undefined)?.include_usage === true;
  let events = chunks(model, plan, n, usage, { mode, includeUsage });
  if (behaviour.kind === "stream-error") {
    // OpenAI's in-stream error shape, which the others follow; Groq's in x_groq.error.
    const error = mode.provider === "groq" ? { choices: [], x_groq: { id: "req_fake", error: behaviour.message ?? SERVER_ERROR } } : openaiError(behaviour.message ?? SERVER_ERROR, "server_error");
    const data = events.filter((e) => !e.comment);
    events = [...data.slice(0, behaviour.errorAfterChunks ?? 2), { data: JSON.stringify(error) }];
  }
  await streamEvents(ctx, events);
}

async function responses(ctx: FakeContext, mode: CompatMode): Promise<void> {
  const invalid = validateResponsesRequest(ctx.record.json, mode);
  if (invalid) return sendJson(ctx, invalid[0], invalid[1]);
  const b = ctx.record.json as Json;
  const model = b.model as string;
  if (await answerFault(ctx, mode, model)) return;
  const behaviour = ctx.behaviour(model);
  const reply = planResponsesReply(b, behaviour);
  if (b.stream !== true) return sendJson(ctx, 200, responsesAnswer(b, model, reply, mode));
  let events = responsesEvents(b, model, reply, mode);
  if (behaviour.kind === "stream-error") events = responsesStreamError(events, behaviour.errorAfterChunks ?? 2, behaviour.message ?? SERVER_ERROR);
  await streamEvents(ctx, events);
}

async function embeddings(ctx: FakeContext, mode: CompatMode): Promise<void> {
  const invalid = validateEmbeddingsRequest(ctx.record.json, mode);
  if (invalid) return sendJson(ctx, invalid[0], invalid[1]);
  const b = ctx.record.json as Json;
  if (await answerFault(ctx, mode, b.model as string)) return;
  await sendJson(ctx, 200, embeddingsAnswer(b, mode));
}

/** "POST chat/completions" → its handler, for the endpoints the mode serves. */
function endpointsOf(mode: CompatMode): Record<string, (ctx: FakeContext, mode: CompatMode) => Promise<void>> {
  return {
    "POST chat/completions": chatCompletions,
    ...(mode.serves.includes("responses") ? { "POST responses": responses } : {}),
    ...(mode.serves.includes("embeddings") ? { "POST embeddings": embeddings } : {}),
  };
}

function routeFor(mode: CompatMode) {
  const endpoints = endpointsOf(mode);
  return async (ctx: FakeContext): Promise<void> => {
    const { method, path } = ctx.record;
    const rests = mode.basePaths.filter((p) => path.startsWith(`${p}/`)).map((p) => path.slice(p.length + 1));
    const rest = rests.find((r) => endpoints[`${method} ${r}`] !== undefined || (method === "GET" && r === "models")) ?? "";
    const handler = endpoints[`${method} ${rest}`];
    const models = method === "GET" && rest === "models";
    if (!handler && !models) return sendJson(ctx, 404, mode.error(`Invalid URL (${method} ${path})`, 404));
    if (!(await checkAuth(ctx, mode))) return;
    if (models) {
      const data = mode.models.map((id) => ({ id, object: "model", created: 1686935002, owned_by: mode.provider }));
      return sendJson(ctx, 200, { object: "list", data });
    }
    await handler!(ctx, mode);
  };
}

/** Base URL for the openai SDK: `${url}/v1`. */
export function startFakeOpenAI(options: FakeServerOptions = {}): Promise<FakeServer> {
  return startFakeCompatible("openai", options);
}

/** A fake of `provider` (OpenAI's format with that provider's quirks); its base URL is `${url}${fakeBasePath(provider)}`. */
export function startFakeCompatible(provider: CompatProvider, options: FakeServerOptions = {}): Promise<FakeServer> {
  const mode = COMPAT_MODES[provider];
  return startFakeServer(provider, options, (req) => keyOf(req), routeFor(mode));
}

/** The path to append to a compatible fake's URL to get the provider's base URL. */
export function fakeBasePath(provider: CompatProvider): string {
  return COMPAT_MODES[provider].basePaths[0]!;
}
