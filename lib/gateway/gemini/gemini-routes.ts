import type { GatewayDeps } from "../deps";
import { handleGeminiCountTokens } from "./gemini-count-tokens-endpoint";
import { handleGeminiEmbed } from "./gemini-embed-endpoint";
import { handleGeminiGenerate } from "./gemini-generate-endpoint";
import { handleGeminiModels } from "./gemini-models";
import { isGeminiStyleRequest, parseGeminiAction, parseGeminiModelPath, type GeminiMethod } from "./gemini-path";

// Gemini's native paths carry the model and method in the path, so they are matched here rather
// than by the worker's exact route table. Under /v1beta everything is Gemini's; under /v1 the
// action paths (`/v1/models/{m}:generateContent`…) are, and the model list and lookup are when
// the request carries its key the way Google's clients do (else /v1/models is OpenAI's list).

type Handler = (args: { request: Request; deps: GatewayDeps }) => Promise<Response>;

const BY_METHOD: Record<GeminiMethod, Handler> = {
  generateContent: handleGeminiGenerate,
  streamGenerateContent: handleGeminiGenerate,
  countTokens: handleGeminiCountTokens,
  embedContent: handleGeminiEmbed,
  batchEmbedContents: handleGeminiEmbed,
};

/** The handler for a Gemini native request, or null when it is not one. */
export function geminiRoute(request: Request): Handler | null {
  const { pathname } = new URL(request.url);
  if (request.method === "POST") {
    const action = parseGeminiAction(pathname);
    return action ? BY_METHOD[action.method] : null;
  }
  if (request.method !== "GET") return null;
  if (pathname === "/v1beta/models" || (pathname.startsWith("/v1beta/") && parseGeminiModelPath(pathname) !== null)) return handleGeminiModels;
  if ((pathname === "/v1/models" || parseGeminiModelPath(pathname) !== null) && isGeminiStyleRequest(request)) return handleGeminiModels;
  return null;
}

/** Whether a path is one of Gemini's (any method): for preflights, which name no method of their own. */
export function isGeminiPath(pathname: string): boolean {
  return pathname === "/v1beta/models" || parseGeminiAction(pathname) !== null || parseGeminiModelPath(pathname) !== null;
}
