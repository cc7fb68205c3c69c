import { bytes, chunked, type HostileCase, type HostileContext, type SentRequest } from "./case";
import { flipChecksum, forgeToken } from "./tokens";

// Hostile requests to Anthropic's API as 1Relay serves it: POST /v1/messages (also ?beta=true),
// /v1/messages/count_tokens and GET /v1/models with anthropic-version. None may reach a
// provider: each is refused in Anthropic's error shape ({"type":"error","error":{type,message}})
// before anything is decrypted or sent.

const MESSAGES = "/v1/messages?beta=true";
const COUNT = "/v1/messages/count_tokens";
const good = { model: "claude-haiku-4-5", max_tokens: 32, messages: [{ role: "user", content: "x" }] };
const NINE_MIB = 9 * 1024 * 1024;

function post(ctx: HostileContext, body: BodyInit, { path = MESSAGES, headers = {} }: { path?: string; headers?: Record<string, string> } = {}): SentRequest {
  return { path, method: "POST", headers: { "x-api-key": ctx.token, "anthropic-version": "2023-06-01", "content-type": "application/json", ...headers }, body };
}
const json = (extra: Record<string, unknown>) => (ctx: HostileContext) => post(ctx, JSON.stringify({ ...good, ...extra }));
const raw = (text: string) => (ctx: HostileContext) => post(ctx, text);
const withKey = (headers: (ctx: HostileContext) => Record<string, string>) => (ctx: HostileContext): SentRequest => ({
  path: MESSAGES,
  method: "POST",
  headers: { "anthropic-version": "2023-06-01", "content-type": "application/json", ...headers(ctx) },
  body: JSON.stringify(good),
});
const block = (b: Record<string, unknown>) => json({ messages: [{ role: "user", content: [b] }] });

type Row = Omit<HostileCase, "shape">;
const rows = (list: Row[]): HostileCase[] => list.map((c) => ({ shape: "anthropic", ...c }));
const unauthorized = (name: string, send: HostileCase["send"]): Row => ({ name: `messages: ${name}`, send, status: 401, code: "authentication_error" });
const invalid = (name: string, send: HostileCase["send"], status = 400): Row => ({ name: `messages: ${name}`, send, status, code: status === 413 ? "request_too_large" : status === 404 ? "not_found_error" : "invalid_request_error" });

const auth: Row[] = [
  unauthorized("no key at all", withKey(() => ({}))),
  unauthorized("empty x-api-key", withKey(() => ({ "x-api-key": "" }))),
  unauthorized("x-api-key with a bad checksum", withKey((ctx) => ({ "x-api-key": flipChecksum(ctx.token) }))),
  unauthorized("x-api-key holding two tokens", withKey((ctx) => ({ "x-api-key": `${ctx.token},${ctx.token}` }))),
  unauthorized("x-api-key with Bearer in it", withKey((ctx) => ({ "x-api-key": `Bearer ${ctx.token}` }))),
  unauthorized("a bad x-api-key beside a good Bearer (x-api-key wins)", withKey((ctx) => ({ "x-api-key": "1r_nope", authorization: `Bearer ${ctx.token}` }))),
  unauthorized("lower-case bearer", withKey((ctx) => ({ authorization: `bearer ${ctx.token}` }))),
  unauthorized("token in the query string (?key=)", (ctx) => ({ ...withKey(() => ({}))(ctx), path: `${MESSAGES}&key=${ctx.token}` })),
  unauthorized("revoked token", withKey((ctx) => ({ "x-api-key": ctx.revokedToken }))),
  unauthorized("expired token", withKey((ctx) => ({ "x-api-key": ctx.expiredToken ?? "1r_none" }))),
  unauthorized("our connection id with another person's secret", withKey((ctx) => ({ "x-api-key": forgeToken(ctx.token, ctx.otherToken) }))),
  unauthorized("a relay token sent to count_tokens with a bad checksum", (ctx) => ({ ...post(ctx, JSON.stringify({ model: good.model, messages: good.messages }), { path: COUNT }), headers: { "x-api-key": flipChecksum(ctx.token), "content-type": "application/json" } })),
  { name: "messages: another person's token, which holds no Anthropic key", send: withKey((ctx) => ({ "x-api-key": ctx.otherToken })), status: 403, code: "permission_error" },
];

const body: Row[] = [
  invalid("empty body", raw("")),
  invalid("truncated JSON", raw('{"model":"claude-haiku-4-5","messages":[')),
  invalid("body is an array", raw(`[${JSON.stringify(good)}]`)),
  invalid("body over the 8 MiB cap", json({ messages: [{ role: "user", content: "x".repeat(NINE_MIB) }] }), 413),
  invalid("body over the cap, chunked", (ctx) => post(ctx, chunked('{"model":"claude-haiku-4-5","max_tokens":1,"messages":[{"role":"user","content":"', "y".repeat(NINE_MIB), '"}]}')), 413),
  invalid("invalid UTF-8 in a text block", (ctx) => post(ctx, bytes('{"model":"claude-haiku-4-5","max_tokens":1,"messages":[{"role":"user","content":"', [0xc0, 0xaf], '"}]}'))),
  invalid("lone surrogate in a system prompt", raw('{"model":"claude-haiku-4-5","max_tokens":1,"system":"\\ud800","messages":[{"role":"user","content":"x"}]}')),
  invalid("max_tokens missing", raw(JSON.stringify({ model: good.model, messages: good.messages }))),
  invalid("max_tokens 0", json({ max_tokens: 0 })),
  invalid("max_tokens 1e400", raw('{"model":"claude-haiku-4-5","max_tokens":1e400,"messages":[{"role":"user","content":"x"}]}')),
  invalid("max_tokens as a string", json({ max_tokens: "32" })),
  invalid("thinking budget as a string", json({ thinking: { type: "enabled", budget_tokens: "1024" } })),
  invalid("thinking of an unknown type", json({ thinking: { type: "unlimited" } })),
  invalid("messages empty", json({ messages: [] })),
  invalid("a system turn adding a tool mid-conversation", json({ messages: [{ role: "system", content: [{ type: "tool_addition", tool: { type: "tool_reference", name: "x" } }] }, { role: "user", content: "x" }] })),
  invalid("a message of an unknown role", json({ messages: [{ role: "developer", content: "x" }] })),
  invalid("an unknown block type", block({ type: "video", url: "https://x.test" })),
  invalid("an extra field in a text block", block({ type: "text", text: "x", api_base: "http://evil.example" })),
  invalid("an image from the Files API", block({ type: "image", source: { type: "file", file_id: "file_1" } })),
  invalid("an image of an unknown media type", block({ type: "image", source: { type: "base64", media_type: "image/svg+xml", data: "PHN2Zz4=" } })),
  invalid("an image URL that is not http(s)", block({ type: "image", source: { type: "url", url: "file:///etc/passwd" } })),
  invalid("tool_use input as a string", json({ messages: [{ role: "assistant", content: [{ type: "tool_use", id: "t", name: "f", input: "{}" }] }] })),
  invalid("a server tool (web search, billed per use)", json({ tools: [{ type: "web_search_20250305", name: "web_search", max_uses: 5 }] })),
  invalid("code execution's container", json({ container: "container_1" })),
  invalid("the MCP connector", json({ mcp_servers: [{ type: "url", url: "https://evil.example/mcp", name: "x" }] })),
  invalid("server-side fallbacks", json({ fallbacks: "default" })),
  invalid("fast mode (premium rates)", json({ speed: "fast" })),
  invalid("US-only inference (regional uplift)", json({ inference_geo: "us" })),
  invalid("compaction (a summarising call of its own)", json({ context_management: { edits: [{ type: "compact_20260112" }] } })),
  invalid("a cache TTL Anthropic does not offer", json({ cache_control: { type: "ephemeral", ttl: "24h" } })),
  invalid("an unknown top-level field", json({ api_base: "http://evil.example" })),
  invalid("__proto__ at the top level", raw('{"model":"claude-haiku-4-5","max_tokens":1,"messages":[{"role":"user","content":"x"}],"__proto__":{"stream":true}}')),
  invalid("deep nesting in a tool's input_schema", raw(JSON.stringify({ ...good, tools: [{ name: "f", input_schema: {} }] }).replace('"input_schema":{}', `"input_schema":{"a":${"[".repeat(100_000)}1${"]".repeat(100_000)}}`))),
  invalid("a model name that is a URL", json({ model: "https://evil.example/v1" })),
  invalid("a model name with a path", json({ model: "claude-haiku-4-5/../../admin" })),
  invalid("a PDF for another provider's model (only Anthropic's read PDFs)", json({ model: "gpt-4o-mini", messages: [{ role: "user", content: [{ type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" } }] }] })),
  invalid("Anthropic's bash tool for another provider's model", json({ model: "gpt-4o-mini", tools: [{ type: "bash_20250124", name: "bash" }] })),
  invalid("top_k for another provider's model", json({ model: "gpt-4o-mini", top_k: 5 })),
  invalid("five stop sequences for another provider's model (OpenAI takes four)", json({ model: "gpt-4o-mini", stop_sequences: ["a", "b", "c", "d", "e"] })),
  invalid("a model no provider serves", json({ model: "unknown-model-xyz" }), 404),
  invalid("an anthropic-version 1Relay does not know", (ctx) => post(ctx, JSON.stringify(good), { headers: { "anthropic-version": "2099-01-01" } })),
  invalid("content-type text/plain", (ctx) => post(ctx, JSON.stringify(good), { headers: { "content-type": "text/plain" } })),
];

const countTokens: Row[] = [
  invalid("count_tokens with max_tokens", (ctx) => post(ctx, JSON.stringify(good), { path: COUNT })),
  invalid("count_tokens with stream", (ctx) => post(ctx, JSON.stringify({ model: good.model, messages: good.messages, stream: true }), { path: COUNT })),
  invalid("count_tokens with a server tool", (ctx) => post(ctx, JSON.stringify({ model: good.model, messages: good.messages, tools: [{ type: "code_execution_20250825", name: "code_execution" }] }), { path: COUNT })),
  invalid("count_tokens without messages", (ctx) => post(ctx, JSON.stringify({ model: good.model }), { path: COUNT })),
  invalid("count_tokens for another provider's model", (ctx) => post(ctx, JSON.stringify({ model: "gpt-4o-mini", messages: good.messages }), { path: COUNT })),
];

const models: Row[] = [
  { name: "messages: GET /v1/models with anthropic-version and a bad x-api-key", send: () => ({ path: "/v1/models", headers: { "x-api-key": "1r_nope", "anthropic-version": "2023-06-01" } }), status: 401, code: "authentication_error" },
  { name: "messages: GET /v1/models with anthropic-version and no key", send: () => ({ path: "/v1/models", headers: { "anthropic-version": "2023-06-01" } }), status: 401, code: "authentication_error" },
];

export const messagesCases: HostileCase[] = rows([...auth, ...body, ...countTokens, ...models]);
