import { findModelNameProblem } from "../../chat-api/model-name";

// Gemini's native paths (https://ai.google.dev/api): POST /v1beta/models/{model}:{method} and
// GET /v1beta/models[/{model}], and the same under /v1 (@google/genai 3.x calls v1 by default;
// Gemini CLI's bundled SDK calls v1beta). The model is one path segment, never percent-encoded
// by the clients (a "%" fails the model-name check, so nothing encoded reaches routing or
// upstream). Upstream, the gateway always calls v1beta, which serves everything v1 does.

export const GEMINI_METHODS = ["generateContent", "streamGenerateContent", "countTokens", "embedContent", "batchEmbedContents"] as const;
export type GeminiMethod = (typeof GEMINI_METHODS)[number];

const ACTION = /^\/v1(?:beta)?\/models\/([^/:]+):([A-Za-z]+)$/;
const MODEL = /^\/v1(?:beta)?\/models\/([^/:]+)$/;

export interface GeminiAction {
  model: string;
  method: GeminiMethod;
}

/** POST /v1beta/models/{model}:{method} → its model and method (null: not one of ours). */
export function parseGeminiAction(pathname: string): GeminiAction | null {
  const match = ACTION.exec(pathname);
  if (!match || !(GEMINI_METHODS as readonly string[]).includes(match[2]!)) return null;
  return { model: match[1]!, method: match[2] as GeminiMethod };
}

/** GET /v1beta/models/{model} (or /v1/…) → the model (null: not that path). */
export function parseGeminiModelPath(pathname: string): string | null {
  return MODEL.exec(pathname)?.[1] ?? null;
}

/** Why a model path segment is not acceptable (null: fine). */
export function geminiModelProblem(model: string): string | null {
  if (model.includes("/")) return "must be one path segment";
  return findModelNameProblem(model);
}

/**
 * A request in Gemini's style on a path OpenAI's clients use too (GET /v1/models): it carries its
 * key where Google's clients send it (x-goog-api-key or ?key=), which OpenAI's never do.
 */
export function isGeminiStyleRequest(request: Request): boolean {
  return request.headers.has("x-goog-api-key") || new URL(request.url).searchParams.has("key");
}
