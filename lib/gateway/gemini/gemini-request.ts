import { z } from "zod";
import { CHAT_REQUEST_LIMITS as L } from "../../chat-api/chat-request-limits";
import { describeFirstIssue } from "../../chat-api/describe-issue";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { inspectGeminiContents } from "./gemini-parts";
import { toCamelCaseFields } from "./gemini-proto-keys";

// Gemini's GenerateContentRequest (https://ai.google.dev/api/generate-content, @google/genai's
// GenerateContentParameters as its SDK sends them), strict at the top level and in
// generationConfig: an unknown field is a 400 naming it, and what changes cost is checked.
// Contents, function declarations and schemas pass as validated JSON (counted by their bytes).
// Refused: hosted tools (Google Search, URL context, code execution, Maps, file search…: billed
// per use or adding content that cannot be bounded), cached content and continuation tokens
// (state stored at Google), non-text output (images, audio), the priority tier.

type Json = Record<string, unknown>;

const content = z.looseObject({ role: z.enum(["user", "model"]).optional(), parts: z.array(z.looseObject({})).max(L.contentParts * 4) });
const functionDeclaration = z.looseObject({ name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_.:-]{0,127}$/, "must be a function name (letters, digits, _ . : -)") });

/** Hosted tools: what each costs that the pricing table does not count. */
const HOSTED_TOOLS: Record<string, string> = {
  googleSearch: "Google Search grounding is billed per search",
  googleSearchRetrieval: "Google Search grounding is billed per search",
  enterpriseWebSearch: "web search grounding is billed per search",
  urlContext: "fetched pages add tokens that cannot be bounded before sending",
  codeExecution: "code execution adds tokens that cannot be bounded before sending",
  googleMaps: "Google Maps grounding is billed per request",
  fileSearch: "file search reads stored files",
  retrieval: "retrieval reads stored data",
  computerUse: "computer use is not supported by 1Relay yet",
  mcpServers: "remote MCP servers add tool listings and results that cannot be bounded before sending",
};

const tool = z.strictObject({ functionDeclarations: z.array(functionDeclaration).max(L.tools).optional() });

export const generationConfigSchema = z.strictObject({
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.int().min(1).optional(),
  candidateCount: z.int().min(1).max(8).optional(),
  maxOutputTokens: z.int().min(1).max(L.maxTokens).optional(),
  stopSequences: z.array(z.string().max(L.stopChars)).max(5).optional(),
  responseLogprobs: z.boolean().optional(),
  logprobs: z.int().min(0).max(20).optional(),
  presencePenalty: z.number().optional(),
  frequencyPenalty: z.number().optional(),
  seed: z.int().optional(),
  responseMimeType: z.string().max(128).optional(),
  responseSchema: z.unknown().optional(),
  responseJsonSchema: z.unknown().optional(),
  responseModalities: z.array(z.literal("TEXT", { error: 'only "TEXT" output is supported through 1Relay (images and audio are priced apart)' })).max(1).optional(),
  mediaResolution: z.string().max(64).optional(),
  thinkingConfig: z
    .strictObject({
      includeThoughts: z.boolean().optional(),
      thinkingBudget: z.int().min(-1).max(L.maxTokens).optional(),
      thinkingLevel: z.string().max(32).optional(),
    })
    .optional(),
  enableEnhancedCivicAnswers: z.boolean().optional(),
});

export const generateSchema = z.strictObject({
  contents: z.array(content).min(1).max(L.messages),
  systemInstruction: z.looseObject({ parts: z.array(z.looseObject({})).max(L.contentParts * 4) }).optional(),
  tools: z.array(tool).max(L.tools).optional(),
  toolConfig: z
    .strictObject({
      functionCallingConfig: z.strictObject({ mode: z.enum(["AUTO", "ANY", "NONE", "VALIDATED", "MODE_UNSPECIFIED"]).optional(), allowedFunctionNames: z.array(z.string().max(128)).max(L.tools).optional(), streamFunctionCallArguments: z.boolean().optional() }).optional(),
      includeServerSideToolInvocations: z.boolean().optional(),
    })
    .optional(),
  safetySettings: z.array(z.looseObject({ category: z.string().max(64), threshold: z.string().max(64) })).max(32).optional(),
  generationConfig: generationConfigSchema.optional(),
  labels: z.record(z.string().max(63), z.string().max(63)).optional(),
  serviceTier: z.enum(["unspecified", "standard", "flex"], { error: 'must be "standard" or "flex" (the priority tier is priced apart)' }).optional(),
  store: z.literal(false, { error: "storing responses at Google is not supported through 1Relay" }).optional(),
});

export type GenerateBody = z.output<typeof generateSchema>;

export interface GeminiGenerateCall {
  /** The validated body to forward (camelCase field names). */
  body: Json;
  /** The model from the path, and the method (stream or not; Gemini's JSON-array stream without alt=sse). */
  model: string;
  stream: boolean;
  sse: boolean;
  /** The body with image data emptied (what the input bound counts), its contents and images. */
  countable: { json: string; items: number; tools: number; images: number };
}

const fail = (param: string | null, message: string, code: string | null = "unsupported_parameter"): never => {
  throw new GatewayRequestError({ param, message, code });
};

function checkTools(tools: unknown): void {
  if (!Array.isArray(tools)) return;
  tools.forEach((t, i) => {
    const hosted = t && typeof t === "object" ? Object.keys(t as Json).find((key) => Object.hasOwn(HOSTED_TOOLS, key)) : undefined;
    if (hosted) fail(`tools[${i}].${hosted}`, `The ${hosted} tool is not supported through 1Relay (${HOSTED_TOOLS[hosted]}). Function declarations are.`, "unsupported_value");
  });
}

/** A validated, camelCased GenerateContentRequest body (throws GatewayRequestError, 400). */
export function parseGenerateBody(value: unknown): { body: GenerateBody; countable: GeminiGenerateCall["countable"] } {
  if (!value || typeof value !== "object" || Array.isArray(value)) fail(null, "The request body must be a JSON object.", null);
  const camel = toCamelCaseFields(value) as Json;
  if (camel.cachedContent != null) fail("cachedContent", "Cached content is stored at Google and is not supported through 1Relay: its size cannot be bounded before sending. Send the content itself.");
  if (camel.continuationToken != null) fail("continuationToken", "Continuation tokens refer to state stored at Google and are not supported through 1Relay.");
  checkTools(camel.tools);
  const config = camel.generationConfig as Json | undefined;
  for (const field of ["speechConfig", "imageConfig", "audioTimestamp", "routingConfig", "modelSelectionConfig", "audioTranscriptionConfig"]) {
    if (config && config[field] != null) fail(`generationConfig.${field}`, `'generationConfig.${field}' is not supported through 1Relay (non-text output and model routing are priced apart).`);
  }
  const parsed = generateSchema.safeParse(camel);
  if (!parsed.success) {
    const issue = describeFirstIssue(parsed.error.issues);
    fail(issue.param, issue.message, issue.code);
  }
  const body = parsed.data!;
  const contents = inspectGeminiContents(body.contents, ["contents"]);
  const system = inspectGeminiContents(body.systemInstruction ?? null, ["systemInstruction"]);
  const functions = (body.tools ?? []).reduce((n, t) => n + (t.functionDeclarations?.length ?? 0), 0);
  const json = JSON.stringify({ ...body, contents: contents.textOnly, systemInstruction: system.textOnly });
  return { body, countable: { json, items: body.contents.reduce((n, c) => n + 1 + c.parts.length, 0), tools: functions, images: contents.images + system.images } };
}
