import { bytes, chunked, type HostileCase, type HostileContext, type SentRequest } from "./case";
import { flipChecksum, forgeToken, tokenVariants } from "./tokens";

// Hostile requests to POST /v1/chat/completions and GET /v1/models. None may reach a provider:
// each is refused in OpenAI's error shape, before anything is decrypted or sent.

const CHAT = "/v1/chat/completions";
const messages = [{ role: "user", content: "x" }];
const good = { model: "gpt-4o-mini", messages };

function chat(ctx: HostileContext, body: BodyInit, headers: Record<string, string> = {}): SentRequest {
  return { path: CHAT, method: "POST", headers: { authorization: `Bearer ${ctx.token}`, "content-type": "application/json", ...headers }, body };
}
const json = (extra: Record<string, unknown>) => (ctx: HostileContext) => chat(ctx, JSON.stringify({ ...good, ...extra }));
const raw = (text: string) => (ctx: HostileContext) => chat(ctx, text);
const withAuth = (authorization: string | ((ctx: HostileContext) => string | null)) => (ctx: HostileContext): SentRequest => {
  const value = typeof authorization === "string" ? authorization : authorization(ctx);
  return { path: CHAT, method: "POST", headers: { "content-type": "application/json", ...(value === null ? {} : { authorization: value }) }, body: JSON.stringify(good) };
};

const deep = (n: number, leaf = "1") => "[".repeat(n) + leaf + "]".repeat(n);
const NINE_MIB = 9 * 1024 * 1024;

type Row = Omit<HostileCase, "shape" | "type"> & { type?: string };
const rows = (list: Row[]): HostileCase[] => list.map((c) => ({ shape: "openai", type: "invalid_request_error", ...c }));
const unauthorized = (name: string, send: HostileCase["send"]): Row => ({ name, send, status: 401, code: "invalid_api_key" });

const auth: Row[] = [
  unauthorized("no Authorization header", withAuth(() => null)),
  unauthorized("empty Bearer", withAuth("Bearer")),
  unauthorized("Basic instead of Bearer", (ctx) => withAuth(`Basic ${btoa(`x:${ctx.token}`)}`)(ctx)),
  unauthorized("lower-case bearer", (ctx) => withAuth(`bearer ${ctx.token}`)(ctx)),
  unauthorized("two spaces after Bearer", (ctx) => withAuth(`Bearer  ${ctx.token}`)(ctx)),
  unauthorized("token followed by more text", (ctx) => withAuth(`Bearer ${ctx.token} extra`)(ctx)),
  unauthorized("two tokens in one header", (ctx) => withAuth(`Bearer ${ctx.token}, Bearer ${ctx.token}`)(ctx)),
  unauthorized("only x-api-key (Anthropic style)", (ctx) => ({ ...withAuth(() => null)(ctx), headers: { "content-type": "application/json", "x-api-key": ctx.token } })),
  unauthorized("only api-key (Azure style)", (ctx) => ({ ...withAuth(() => null)(ctx), headers: { "content-type": "application/json", "api-key": ctx.token } })),
  unauthorized("token in the query string (?api_key=)", (ctx) => ({ ...withAuth(() => null)(ctx), path: `${CHAT}?api_key=${ctx.token}` })),
  unauthorized("token in the query string (?key=) with a bad header", (ctx) => ({ ...withAuth("Bearer nope")(ctx), path: `${CHAT}?key=${ctx.token}` })),
  ...tokenVariants.map(({ name, make }) => unauthorized(`token: ${name}`, (ctx) => withAuth(`Bearer ${make(ctx.token)}`)(ctx))),
  unauthorized("bad checksum", (ctx) => withAuth(`Bearer ${flipChecksum(ctx.token)}`)(ctx)),
  unauthorized("revoked token", (ctx) => withAuth(`Bearer ${ctx.revokedToken}`)(ctx)),
  unauthorized("expired token", (ctx) => withAuth(`Bearer ${ctx.expiredToken}`)(ctx)),
  unauthorized("our connection id with another person's (valid-looking) secret", (ctx) => withAuth(`Bearer ${forgeToken(ctx.token, ctx.otherToken)}`)(ctx)),
  unauthorized("another person's connection id with our secret", (ctx) => withAuth(`Bearer ${forgeToken(ctx.otherToken, ctx.token)}`)(ctx)),
  unauthorized("the revoked connection's id with the live token's secret", (ctx) => withAuth(`Bearer ${forgeToken(ctx.revokedToken, ctx.token)}`)(ctx)),
  { name: "another person's token for a provider it holds no key of", send: (ctx) => withAuth(`Bearer ${ctx.otherToken}`)(ctx), status: 403, code: "provider_not_allowed", param: "model" },
];

const transport: Row[] = [
  { name: "content-type text/plain", send: (ctx) => chat(ctx, JSON.stringify(good), { "content-type": "text/plain" }), status: 400, code: "bad_request" },
  { name: "no content-type at all", send: (ctx) => ({ ...chat(ctx, bytes(JSON.stringify(good))), headers: { authorization: `Bearer ${ctx.token}` } }), status: 400, code: "bad_request" },
  { name: "content-type form-urlencoded", send: (ctx) => chat(ctx, JSON.stringify(good), { "content-type": "application/x-www-form-urlencoded" }), status: 400, code: "bad_request" },
  { name: "content-type multipart/form-data", send: (ctx) => chat(ctx, JSON.stringify(good), { "content-type": "multipart/form-data; boundary=x" }), status: 400, code: "bad_request" },
  { name: "content-type application/jsonp", send: (ctx) => chat(ctx, JSON.stringify(good), { "content-type": "application/jsonp" }), status: 400, code: "bad_request" },
  { name: "content-type application/json-seq", send: (ctx) => chat(ctx, JSON.stringify(good), { "content-type": "application/json-seq" }), status: 400, code: "bad_request" },
  { name: "UTF-16 body labelled charset=utf-16", send: (ctx) => chat(ctx, bytes(...[...JSON.stringify(good)].map((c) => [c.charCodeAt(0), 0])), { "content-type": "application/json; charset=utf-16" }), status: 400, code: "bad_request" },
  { name: "body over the 8 MiB cap, with content-length", send: json({ messages: [{ role: "user", content: "x".repeat(NINE_MIB) }] }), status: 413, code: "payload_too_large" },
  { name: "body over the cap, chunked without a length", send: (ctx) => chat(ctx, chunked(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"`, "y".repeat(NINE_MIB), `"}]}`)), status: 413, code: "payload_too_large" },
  { name: "chunked body with invalid JSON", send: (ctx) => chat(ctx, chunked('{"model":', '"gpt-4o-mini",')), status: 400, code: "bad_request" },
  { name: "chunked body with a UTF-8 sequence cut between chunks and never finished", send: (ctx) => chat(ctx, chunked(bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0xe2, 0x82]), bytes([0x41], '"}]}'))), status: 400, code: "bad_request" },
];

const invalidJson: Row[] = [
  { name: "empty body", send: raw(""), status: 400, code: "bad_request" },
  { name: "truncated JSON", send: raw('{"model":"gpt-4o-mini","messages":['), status: 400, code: "bad_request" },
  { name: "trailing garbage after the object", send: raw(`${JSON.stringify(good)} trailing`), status: 400, code: "bad_request" },
  { name: "two objects back to back", send: raw(JSON.stringify(good).repeat(2)), status: 400, code: "bad_request" },
  { name: "JSON with a comment", send: raw(`{/* c */"model":"gpt-4o-mini","messages":[]}`), status: 400, code: "bad_request" },
  { name: "single-quoted strings", send: raw(`{'model':'gpt-4o-mini'}`), status: 400, code: "bad_request" },
  { name: "NaN literal", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"temperature":NaN}'), status: 400, code: "bad_request" },
  { name: "Infinity literal", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"max_tokens":Infinity}'), status: 400, code: "bad_request" },
  { name: "unquoted key", send: raw('{model:"gpt-4o-mini"}'), status: 400, code: "bad_request" },
  { name: "raw control character inside a string", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"a\u0001b"}]}'), status: 400, code: "bad_request" },
  { name: "body is null", send: raw("null"), status: 400, code: null },
  { name: "body is an array", send: raw(`[${JSON.stringify(good)}]`), status: 400, code: null },
  { name: "body is a string", send: raw('"gpt-4o-mini"'), status: 400, code: null },
  { name: "body is a number", send: raw("42"), status: 400, code: null },
  { name: "a million nested arrays", send: raw(deep(1_000_000)), status: 400, code: "bad_request" },
  { name: "deep nesting inside a tool's parameters", send: raw(JSON.stringify({ ...good, tools: [{ type: "function", function: { name: "f", parameters: {} } }] }).replace('"parameters":{}', `"parameters":{"a":${deep(100_000)}}`)), status: 400, code: "bad_request" },
  { name: "deep nesting inside a response_format schema", send: raw(JSON.stringify({ ...good, response_format: { type: "json_schema", json_schema: { name: "s", schema: {} } } }).replace('"schema":{}', `"schema":{"a":${deep(100_000)}}`)), status: 400, code: "bad_request" },
  { name: "deep object nesting in metadata", send: raw(JSON.stringify({ ...good, metadata: {} }).replace('"metadata":{}', `"metadata":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`)), status: 400, code: "bad_request" },
  { name: "deep nesting in a message's content", send: raw(JSON.stringify(good).replace('"content":"x"', `"content":${deep(200)}`)), status: 400, code: "bad_request" },
];

const unicode: Row[] = [
  { name: "invalid UTF-8: lone continuation byte", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0x80], '"}]}')), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: overlong '/' (C0 AF)", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0xc0, 0xaf], '"}]}')), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: encoded surrogate (ED A0 80)", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0xed, 0xa0, 0x80], '"}]}')), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: truncated sequence at the end", send: (ctx) => chat(ctx, bytes(JSON.stringify(good), [0xe2, 0x82])), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: FF byte", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0xff], '"}]}')), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: code point above U+10FFFF", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"', [0xf4, 0x90, 0x80, 0x80], '"}]}')), status: 400, code: "bad_request" },
  { name: "invalid UTF-8: Latin-1 é in the model name", send: (ctx) => chat(ctx, bytes('{"model":"gpt-4o-mini', [0xe9], '","messages":[{"role":"user","content":"x"}]}')), status: 400, code: "bad_request" },
  { name: "lone high surrogate escape in content", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"a\\ud800b"}]}'), status: 400, code: "bad_request" },
  { name: "lone low surrogate escape in content", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"\\udc00"}]}'), status: 400, code: "bad_request" },
  { name: "reversed surrogate pair in content", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"\\ude00\\ud83d"}]}'), status: 400, code: "bad_request" },
  { name: "lone surrogate in a metadata key", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"metadata":{"\\ud800":"v"}}'), status: 400, code: "bad_request" },
  { name: "lone surrogate in a tool description", send: json({ tools: [{ type: "function", function: { name: "f", description: "a\ud800" } }] }), status: 400, code: "bad_request" },
];

const keys: Row[] = [
  { name: "duplicate model key: the last (a path) is the one judged", send: raw('{"model":"gpt-4o-mini","model":"../../admin","messages":[{"role":"user","content":"x"}]}'), status: 400, code: "invalid_value", param: "model" },
  { name: "duplicate stream key: the last (a string) is the one judged", send: raw('{"model":"gpt-4o-mini","stream":false,"stream":"yes","messages":[{"role":"user","content":"x"}]}'), status: 400, code: "invalid_type", param: "stream" },
  { name: "duplicate messages key: the last is empty", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"messages":[]}'), status: 400, code: "invalid_value", param: "messages" },
  { name: "duplicate key smuggling api_base after a clean one", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"user":"a","api_base":"http://evil.example","api_base":"http://evil2.example"}'), status: 400, code: "unsupported_parameter", param: "api_base" },
  { name: "__proto__ at the top level", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"__proto__":{"stream":true}}'), status: 400, code: "bad_request" },
  { name: "__proto__ inside metadata (would vanish silently)", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"metadata":{"__proto__":{"polluted":"yes"}}}'), status: 400, code: "bad_request" },
  { name: "__proto__ inside logit_bias", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"logit_bias":{"__proto__":5}}'), status: 400, code: "bad_request" },
  { name: "__proto__ inside a message", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x","__proto__":{"role":"system"}}]}'), status: 400, code: "bad_request" },
  { name: "__proto__ inside a tool's parameters", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"tools":[{"type":"function","function":{"name":"f","parameters":{"__proto__":{"type":"object"}}}}]}'), status: 400, code: "bad_request" },
  { name: "constructor at the top level", send: json({ constructor: { prototype: { polluted: true } } }), status: 400, code: "unknown_parameter", param: "constructor" },
  { name: "prototype at the top level", send: json({ prototype: {} }), status: 400, code: "unknown_parameter", param: "prototype" },
  { name: "constructor inside a message", send: json({ messages: [{ role: "user", content: "x", constructor: "y" }] }), status: 400, code: "unknown_parameter", param: "messages[0].constructor" },
  { name: "toString inside stream_options", send: json({ stream: true, stream_options: { toString: 1 } }), status: 400, code: "unknown_parameter", param: "stream_options.toString" },
];

const numbers: Row[] = [
  { name: "max_tokens 1e400 (Infinity)", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"max_tokens":1e400}'), status: 400, code: "invalid_type", param: "max_tokens" },
  { name: "max_tokens beyond 2^53", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"max_tokens":99999999999999999999}'), status: 400, code: "invalid_value", param: "max_tokens" },
  { name: "max_tokens 1e15", send: json({ max_tokens: 1e15 }), status: 400, code: "invalid_value", param: "max_tokens" },
  { name: "max_completion_tokens -1", send: json({ max_completion_tokens: -1 }), status: 400, code: "invalid_value", param: "max_completion_tokens" },
  { name: "temperature 1e309 (Infinity)", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"temperature":1e309}'), status: 400, code: "invalid_type", param: "temperature" },
  { name: "temperature -1e308", send: json({ temperature: -1e308 }), status: 400, code: "invalid_value", param: "temperature" },
  { name: "seed 1e20", send: json({ seed: 1e20 }), status: 400, code: "invalid_value", param: "seed" },
  { name: "n 1e300", send: json({ n: 1e300 }), status: 400, code: "invalid_value", param: "n" },
  { name: "top_logprobs 2^53", send: json({ top_logprobs: 2 ** 53 }), status: 400, code: "invalid_value", param: "top_logprobs" },
  { name: "logit_bias value 1e400", send: raw('{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"logit_bias":{"1":1e400}}'), status: 400, code: "invalid_type", param: "logit_bias.1" },
  { name: "a number with 10,000 digits", send: raw(`{"model":"gpt-4o-mini","messages":[{"role":"user","content":"x"}],"seed":${"9".repeat(10_000)}}`), status: 400, code: "invalid_type", param: "seed" },
];

const types: Row[] = [
  { name: "stream as the string \"true\"", send: json({ stream: "true" }), status: 400, code: "invalid_type", param: "stream" },
  { name: "stream as 1", send: json({ stream: 1 }), status: 400, code: "invalid_type", param: "stream" },
  { name: "stream as an object", send: json({ stream: {} }), status: 400, code: "invalid_type", param: "stream" },
  { name: "stream_options without stream", send: json({ stream_options: { include_usage: true } }), status: 400, code: "invalid_value", param: "stream_options" },
  { name: "n as a string", send: json({ n: "2" }), status: 400, code: "invalid_type", param: "n" },
  { name: "n as 1.5", send: json({ n: 1.5 }), status: 400, code: "invalid_type", param: "n" },
  { name: "n 0", send: json({ n: 0 }), status: 400, code: "invalid_value", param: "n" },
  { name: "n -1", send: json({ n: -1 }), status: 400, code: "invalid_value", param: "n" },
  { name: "max_tokens as a string", send: json({ max_tokens: "100" }), status: 400, code: "invalid_type", param: "max_tokens" },
  { name: "max_tokens 0", send: json({ max_tokens: 0 }), status: 400, code: "invalid_value", param: "max_tokens" },
  { name: "max_tokens 10.5", send: json({ max_tokens: 10.5 }), status: 400, code: "invalid_type", param: "max_tokens" },
  { name: "max_tokens true", send: json({ max_tokens: true }), status: 400, code: "invalid_type", param: "max_tokens" },
  { name: "temperature as a string", send: json({ temperature: "0.5" }), status: 400, code: "invalid_type", param: "temperature" },
  { name: "temperature 3", send: json({ temperature: 3 }), status: 400, code: "invalid_value", param: "temperature" },
  { name: "temperature as an array", send: json({ temperature: [] }), status: 400, code: "invalid_type", param: "temperature" },
  { name: "messages as a string", send: json({ messages: "hi" }), status: 400, code: "invalid_type", param: "messages" },
  { name: "messages empty", send: json({ messages: [] }), status: 400, code: "invalid_value", param: "messages" },
  { name: "model as a number", send: json({ model: 123 }), status: 400, code: "invalid_type", param: "model" },
  { name: "model missing", send: raw(JSON.stringify({ messages })), status: 400, code: "missing_required_parameter", param: "model" },
  { name: "messages missing", send: raw(JSON.stringify({ model: "gpt-4o-mini" })), status: 400, code: "missing_required_parameter", param: "messages" },
  { name: "tool_choice without tools", send: json({ tool_choice: "auto" }), status: 400, code: "invalid_value", param: "tool_choice" },
  { name: "service_tier priority (unpriced)", send: json({ service_tier: "priority" }), status: 400, code: "unsupported_value", param: "service_tier" },
];

const passthrough: Row[] = ["api_base", "base_url", "baseURL", "api-base", "extra_headers", "extra_body", "extra_query", "headers", "api_key", "api-version", "organization", "endpoint", "proxy", "url", "custom_llm_provider"].map(
  (field) => ({ name: `passthrough field ${field}`, send: json({ [field]: field.includes("header") ? { host: "evil.example", authorization: "Bearer sk-evil" } : "http://evil.example/v1" }), status: 400, code: "unsupported_parameter", param: field }),
);
passthrough.push(
  { name: "unknown top-level field", send: json({ foo: "bar" }), status: 400, code: "unknown_parameter", param: "foo" },
  { name: "unsupported OpenAI field functions", send: json({ functions: [{ name: "f" }] }), status: 400, code: "unsupported_parameter", param: "functions" },
);

const badModel = (name: string, model: string): Row => ({ name: `model name: ${name}`, send: json({ model }), status: 400, code: "invalid_value", param: "model" });
const models: Row[] = [
  badModel("../ path", "../etc/passwd"),
  badModel("path after a valid name", "gpt-4o/../../v1/admin"),
  badModel("%2e%2e encoded dots", "%2e%2e/%2e%2e/admin"),
  badModel("%2F encoded slash", "gpt-4o-mini%2F..%2Fadmin"),
  badModel("full https URL", "https://evil.example/v1"),
  badModel("full http URL to the fake", "http://127.0.0.1:8911/v1/chat"),
  badModel("protocol-relative URL", "//evil.example/x"),
  badModel("CRLF header injection", "gpt-4o\r\nX-Injected: 1"),
  badModel("NUL byte", "gpt-4o\u0000"),
  badModel("zero-width space", "gpt\u200b-4o-mini"),
  badModel("zero-width joiner", "gpt-4o-mini\u200d"),
  badModel("right-to-left override", "gpt-4o\u202e"),
  badModel("BOM in front", "\ufeffgpt-4o-mini"),
  badModel("Cyrillic lookalike letter", "gpt-4о-mini"),
  badModel("query string for Gemini's URL", "gemini-2.5-flash:generateContent?key=x"),
  badModel("fragment", "gpt-4o-mini#frag"),
  badModel("five slashes", "openrouter/a/b/c/d/e"),
  badModel("an empty part", "openrouter//gpt-4o"),
  badModel("provider prefix then ..", "anthropic/claude-3/../x"),
  badModel("trailing slash", "openai/"),
  badModel("backslash path", "gpt-4o\\..\\admin"),
  badModel("200 characters", "g".repeat(200)),
  badModel("empty", ""),
  badModel("leading space", " gpt-4o-mini"),
  badModel("inner space", "gpt-4o mini"),
  { name: "model name: unknown family", send: json({ model: "unknown-model-xyz" }), status: 404, code: "model_not_found", param: "model" },
  { name: "model name: unknown provider prefix", send: json({ model: "azure/mixtral-8x7b" }), status: 404, code: "model_not_found", param: "model" },
  { name: "model name: nested id for a provider without them", send: json({ model: "openai/gpt-4o/extra" }), status: 404, code: "model_not_found", param: "model" },
  { name: "model name: a registry provider the token holds no key for", send: json({ model: "mistral/mistral-small-latest" }), status: 403, code: "provider_not_allowed", param: "model" },
  { name: "model name: a provider the token holds no key for", send: json({ model: "gemini-2.5-flash" }), status: 403, code: "provider_not_allowed", param: "model" },
];

const modelsEndpoint: Row[] = [
  unauthorized("/v1/models: no Authorization", () => ({ path: "/v1/models" })),
  unauthorized("/v1/models: token in the query string", (ctx) => ({ path: `/v1/models?api_key=${ctx.token}` })),
  unauthorized("/v1/models: bad checksum", (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${flipChecksum(ctx.token)}` } })),
  unauthorized("/v1/models: revoked token", (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${ctx.revokedToken}` } })),
  unauthorized("/v1/models: expired token", (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${ctx.expiredToken}` } })),
  unauthorized("/v1/models: our id with another person's secret", (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${forgeToken(ctx.token, ctx.otherToken)}` } })),
  unauthorized("/v1/models: an OpenAI key instead of a relay token", () => ({ path: "/v1/models", headers: { authorization: "Bearer sk-proj-abcdefghijklmnopqrstuvwxyz0123456789" } })),
  unauthorized("/v1/models: Latin-1 bytes in the token", (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${ctx.token.slice(0, -1)}\u00e9` } })),
  ...tokenVariants.slice(0, 4).map(({ name, make }) => unauthorized(`/v1/models: token ${name}`, (ctx) => ({ path: "/v1/models", headers: { authorization: `Bearer ${make(ctx.token)}` } }))),
];

const methods: HostileCase[] = [
  { name: "GET /v1/chat/completions", send: (ctx) => ({ path: CHAT, headers: { authorization: `Bearer ${ctx.token}` } }), status: 405, shape: "none", code: null },
  { name: "PUT /v1/chat/completions", send: (ctx) => ({ ...chat(ctx, JSON.stringify(good)), method: "PUT" }), status: 405, shape: "none", code: null },
  { name: "DELETE /v1/models", send: (ctx) => ({ path: "/v1/models", method: "DELETE", headers: { authorization: `Bearer ${ctx.token}` } }), status: 405, shape: "none", code: null },
];

export const gatewayCases: HostileCase[] = [
  ...rows([...auth, ...transport, ...invalidJson, ...unicode, ...keys, ...numbers, ...types, ...passthrough, ...models, ...modelsEndpoint]),
  ...methods,
];
