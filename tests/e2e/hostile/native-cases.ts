import type { HostileCase, HostileContext, SentRequest } from "./case";
import { flipChecksum, forgeToken, tokenVariants } from "./tokens";

// Hostile requests to the native endpoints of issue 15: POST /v1/responses and /v1/embeddings
// (OpenAI's error shape) and Gemini's /v1beta/models/… (Gemini's, {"error":{"code","message",
// "status"}}). None may reach a provider. Gemini cases use the other person's token (a Gemini
// key), the others the owner's (OpenAI and Anthropic keys).

const RESPONSES = "/v1/responses";
const EMBEDDINGS = "/v1/embeddings";
const GENERATE = "/v1beta/models/gemini-2.5-flash:generateContent";

const post = (path: string, headers: Record<string, string>, body: BodyInit): SentRequest => ({ path, method: "POST", headers: { "content-type": "application/json", ...headers }, body });
const bearer = (ctx: HostileContext) => ({ authorization: `Bearer ${ctx.token}` });
const responses = (extra: Record<string, unknown>) => (ctx: HostileContext) => post(RESPONSES, bearer(ctx), JSON.stringify({ model: "gpt-5-mini", input: "x", ...extra }));
const embeddings = (extra: Record<string, unknown>) => (ctx: HostileContext) => post(EMBEDDINGS, bearer(ctx), JSON.stringify({ model: "text-embedding-3-small", input: "x", ...extra }));
const geminiKey = (ctx: HostileContext) => ({ "x-goog-api-key": ctx.otherToken });
const gemini = (extra: Record<string, unknown>, path = GENERATE) => (ctx: HostileContext) => post(path, geminiKey(ctx), JSON.stringify({ contents: [{ role: "user", parts: [{ text: "x" }] }], ...extra }));
const geminiRaw = (path: string, body: unknown) => (ctx: HostileContext) => post(path, geminiKey(ctx), JSON.stringify(body));

type Row = Omit<HostileCase, "shape" | "type"> & { type?: string };
const openai = (list: Row[]): HostileCase[] => list.map((c) => ({ shape: "openai", type: "invalid_request_error", ...c }));
const google = (list: Omit<Row, "param">[]): HostileCase[] => list.map((c) => ({ shape: "gemini", ...c }));

const responsesRows: Row[] = [
  { name: "responses: no token", send: () => post(RESPONSES, {}, JSON.stringify({ model: "gpt-5-mini", input: "x" })), status: 401, code: "invalid_api_key" },
  { name: "responses: the token in ?key= (only Gemini's paths read it)", send: (ctx) => post(`${RESPONSES}?key=${ctx.token}`, {}, JSON.stringify({ model: "gpt-5-mini", input: "x" })), status: 401, code: "invalid_api_key" },
  { name: "responses: the token in x-goog-api-key", send: (ctx) => post(RESPONSES, { "x-goog-api-key": ctx.token }, JSON.stringify({ model: "gpt-5-mini", input: "x" })), status: 401, code: "invalid_api_key" },
  { name: "responses: a forged token (our id, their secret)", send: (ctx) => post(RESPONSES, { authorization: `Bearer ${forgeToken(ctx.token, ctx.otherToken)}` }, JSON.stringify({ model: "gpt-5-mini", input: "x" })), status: 401, code: "invalid_api_key" },
  { name: "responses: previous_response_id (stored state)", send: responses({ previous_response_id: "resp_123" }), status: 400, code: "unsupported_parameter", param: "previous_response_id" },
  { name: "responses: conversation (stored state)", send: responses({ conversation: { id: "conv_1" } }), status: 400, code: "unsupported_parameter", param: "conversation" },
  { name: "responses: a stored prompt template", send: responses({ prompt: { id: "pmpt_1", variables: {} } }), status: 400, code: "unsupported_parameter", param: "prompt" },
  { name: "responses: an item_reference in input", send: responses({ input: [{ type: "item_reference", id: "msg_1" }] }), status: 400, code: "unsupported_value", param: "input[0].type" },
  { name: "responses: background true", send: responses({ background: true }), status: 400, code: "invalid_value", param: "background" },
  { name: "responses: a file by id", send: responses({ input: [{ role: "user", content: [{ type: "input_file", file_id: "file_1" }] }] }), status: 400, code: "unsupported_value", param: "input[0].content[0].type" },
  { name: "responses: a remote MCP server tool", send: responses({ tools: [{ type: "mcp", server_label: "x", server_url: "https://evil.example/mcp" }] }), status: 400, code: "unsupported_value", param: "tools[0].type" },
  { name: "responses: the code interpreter", send: responses({ tools: [{ type: "code_interpreter", container: { type: "auto" } }] }), status: 400, code: "unsupported_value", param: "tools[0].type" },
  { name: "responses: a hosted shell container", send: responses({ tools: [{ type: "shell", environment: { type: "container_auto" } }] }), status: 400, code: "unsupported_value", param: "tools[0].environment" },
  { name: "responses: tool_choice forcing web search", send: responses({ tools: [{ type: "web_search" }], tool_choice: { type: "web_search_preview" } }), status: 400, code: "unsupported_value", param: "tool_choice" },
  { name: "responses: the priority tier", send: responses({ service_tier: "priority" }), status: 400, code: "unsupported_value", param: "service_tier" },
  { name: "responses: pro reasoning mode", send: responses({ reasoning: { mode: "pro" } }), status: 400, code: "invalid_value", param: "reasoning.mode" },
  { name: "responses: an unknown top-level field", send: responses({ frobnicate: true }), status: 400, code: "unknown_parameter", param: "frobnicate" },
  { name: "responses: api_base smuggled in", send: responses({ api_base: "https://evil.example/v1" }), status: 400, code: "unsupported_parameter", param: "api_base" },
  { name: "responses: a URL as the model", send: responses({ model: "https://evil.example/v1" }), status: 400, code: "invalid_value", param: "model" },
  { name: "responses: max_output_tokens 0", send: responses({ max_output_tokens: 0 }), status: 400, code: "invalid_value", param: "max_output_tokens" },
  { name: "responses: max_output_tokens 1e15", send: responses({ max_output_tokens: 1e15 }), status: 400, code: "invalid_value", param: "max_output_tokens" },
  { name: "responses: input as a number", send: responses({ input: 42 }), status: 400, code: "invalid_value", param: "input" },
  { name: "responses: stream_options without stream", send: responses({ stream_options: { include_obfuscation: false } }), status: 400, code: "invalid_value", param: "stream_options" },
  { name: "responses: 129 tools", send: responses({ tools: Array.from({ length: 129 }, (_, i) => ({ type: "function", name: `f${i}`, parameters: {} })) }), status: 400, code: "invalid_value", param: "tools" },
  { name: "responses: __proto__ at the top level", send: (ctx) => post(RESPONSES, bearer(ctx), '{"model":"gpt-5-mini","input":"x","__proto__":{"store":true}}'), status: 400, code: "bad_request" },
  { name: "responses: a Claude model (not served through Responses)", send: responses({ model: "claude-haiku-4-5" }), status: 400, code: "unsupported_model", param: "model" },
];

const embeddingRows: Row[] = [
  { name: "embeddings: no token", send: () => post(EMBEDDINGS, {}, JSON.stringify({ model: "text-embedding-3-small", input: "x" })), status: 401, code: "invalid_api_key" },
  { name: "embeddings: an empty input list", send: embeddings({ input: [] }), status: 400, code: "invalid_value", param: "input" },
  { name: "embeddings: strings and numbers mixed", send: embeddings({ input: ["a", 1] }), status: 400, code: "invalid_value", param: "input" },
  { name: "embeddings: a negative token id", send: embeddings({ input: [1, -2] }), status: 400, code: "invalid_value", param: "input" },
  { name: "embeddings: 2049 inputs", send: embeddings({ input: Array.from({ length: 2049 }, () => "x") }), status: 400, code: "invalid_value", param: "input" },
  { name: "embeddings: dimensions 0", send: embeddings({ dimensions: 0 }), status: 400, code: "invalid_value", param: "dimensions" },
  { name: "embeddings: encoding_format hex", send: embeddings({ encoding_format: "hex" }), status: 400, code: "invalid_value", param: "encoding_format" },
  { name: "embeddings: an unknown field", send: embeddings({ truncate: "END" }), status: 400, code: "unknown_parameter", param: "truncate" },
  { name: "embeddings: a chat model of a provider without embeddings", send: embeddings({ model: "claude-haiku-4-5" }), status: 400, code: "unsupported_model", param: "model" },
];

const geminiRows: Omit<Row, "param">[] = [
  { name: "gemini: no key anywhere", send: () => post(GENERATE, {}, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" },
  { name: "gemini: a bad checksum in x-goog-api-key", send: (ctx) => post(GENERATE, { "x-goog-api-key": flipChecksum(ctx.otherToken) }, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" },
  { name: "gemini: a forged token in ?key=", send: (ctx) => post(`${GENERATE}?key=${forgeToken(ctx.otherToken, ctx.token)}`, {}, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" },
  { name: "gemini: ?key= given twice", send: (ctx) => post(`${GENERATE}?key=${ctx.otherToken}&key=${ctx.otherToken}`, {}, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" },
  { name: "gemini: a bad x-goog-api-key beside a good ?key= (the header is the one judged)", send: (ctx) => post(`${GENERATE}?key=${ctx.otherToken}`, { "x-goog-api-key": "1r_nope" }, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" },
  ...tokenVariants.slice(0, 4).map(({ name, make }) => ({ name: `gemini: token ${name}`, send: (ctx: HostileContext) => post(GENERATE, { "x-goog-api-key": make(ctx.otherToken) }, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 401, code: "UNAUTHENTICATED" })),
  { name: "gemini: the owner's token, which holds no Gemini key", send: (ctx) => post(GENERATE, { "x-goog-api-key": ctx.token }, JSON.stringify({ contents: [{ parts: [{ text: "x" }] }] })), status: 403, code: "PERMISSION_DENIED" },
  { name: "gemini: an encoded slash in the model", send: gemini({}, "/v1beta/models/gemini%2Fgemini-2.5-flash:generateContent"), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: '..' as the model", send: gemini({}, "/v1beta/models/..:generateContent"), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: a Claude model through Gemini's API", send: gemini({}, "/v1beta/models/claude-haiku-4-5:generateContent"), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: Google Search grounding", send: gemini({ tools: [{ googleSearch: {} }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: URL context (snake_case)", send: gemini({ tools: [{ url_context: {} }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: code execution", send: gemini({ tools: [{ codeExecution: {} }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: cached content stored at Google", send: gemini({ cachedContent: "cachedContents/abc" }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: a file stored at Google", send: gemini({ contents: [{ parts: [{ fileData: { mimeType: "application/pdf", fileUri: "https://generativelanguage.googleapis.com/v1beta/files/x" } }] }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: an inline PDF", send: gemini({ contents: [{ parts: [{ inline_data: { mime_type: "application/pdf", data: "JVBERi0xLjQK" } }] }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: image output", send: gemini({ generationConfig: { responseModalities: ["IMAGE"] } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: speech output", send: gemini({ generationConfig: { speechConfig: { voiceConfig: {} } } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: 100 candidates", send: gemini({ generationConfig: { candidateCount: 100 } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: the priority tier", send: gemini({ serviceTier: "priority" }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: an unknown top-level field", send: gemini({ frobnicate: 1 }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: an unknown generationConfig field", send: gemini({ generationConfig: { temperatureBoost: 2 } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: empty contents", send: gemini({ contents: [] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: a system role in contents", send: gemini({ contents: [{ role: "system", parts: [{ text: "x" }] }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: contents as a string", send: gemini({ contents: "x" }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: maxOutputTokens -1", send: gemini({ generationConfig: { maxOutputTokens: -1 } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: text/plain body", send: (ctx) => ({ ...gemini({})(ctx), headers: { ...geminiKey(ctx), "content-type": "text/plain" } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: countTokens with both forms", send: geminiRaw("/v1beta/models/gemini-2.5-flash:countTokens", { contents: [{ parts: [{ text: "x" }] }], generateContentRequest: { contents: [{ parts: [{ text: "x" }] }] } }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: batchEmbedContents naming another model", send: geminiRaw("/v1beta/models/gemini-embedding-001:batchEmbedContents", { requests: [{ model: "models/other-model", content: { parts: [{ text: "x" }] } }] }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: embedContent without content", send: geminiRaw("/v1beta/models/gemini-embedding-001:embedContent", { taskType: "RETRIEVAL_QUERY" }), status: 400, code: "INVALID_ARGUMENT" },
  { name: "gemini: an unknown method", send: geminiRaw("/v1beta/models/gemini-2.5-flash:predictLongRunning", { instances: [] }), status: 404, code: "NOT_FOUND" },
  { name: "gemini: models list without a key", send: () => ({ path: "/v1beta/models" }), status: 401, code: "UNAUTHENTICATED" },
  { name: "gemini: a model the token lacks", send: (ctx) => ({ path: "/v1beta/models/claude-haiku-4-5", headers: geminiKey(ctx) }), status: 404, code: "NOT_FOUND" },
];

export const nativeCases: HostileCase[] = [...openai(responsesRows), ...openai(embeddingRows), ...google(geminiRows)];
