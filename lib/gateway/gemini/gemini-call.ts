import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { joinUpstreamUrl } from "../../providers/base-url";
import { getProviderAdapter } from "../../providers/adapters";
import { PROVIDERS } from "../../providers/registry";
import type { UpstreamRequest } from "../../providers/types";
import type { CallTarget, CallForwarder } from "../endpoint";
import { GatewayError } from "../gateway-error";
import { geminiErrorBody } from "./gemini-errors";
import { geminiModelProblem, parseGeminiAction, type GeminiMethod } from "./gemini-path";

// What every Gemini native endpoint shares: the model and method from the path (checked like a
// model name), the provider check (only providers serving Gemini's API), the upstream request
// (the configured base URL, the key in x-goog-api-key, never the client's ?key=) and errors.

/** The action of a request the route table already matched; a bad model is a 400 in Gemini's shape. */
export function readGeminiAction(request: Request, expected: readonly GeminiMethod[]): { model: string; method: GeminiMethod } {
  const action = parseGeminiAction(new URL(request.url).pathname);
  if (!action || !expected.includes(action.method)) throw new GatewayError({ status: 404, type: "invalid_request_error", code: "unknown_url", message: "Unknown Gemini API method." });
  const problem = geminiModelProblem(action.model);
  if (problem) throw new GatewayRequestError({ param: "model", message: `Invalid model in the path: ${problem}.`, code: "invalid_value" });
  return action;
}

/** Only providers whose registry row serves Gemini's native API are reached through it. */
export function checkGeminiProvider({ target, model }: { target: CallTarget; model: string }): void {
  if (PROVIDERS[target.provider].endpoints.geminiNative) return;
  throw new GatewayError({
    status: 400,
    type: "invalid_request_error",
    code: "unsupported_model",
    param: "model",
    message: `The model \`${model}\` is served by ${PROVIDERS[target.provider].displayName}, which 1Relay does not reach through Gemini's API. Use /v1/chat/completions for it.`,
  });
}

/** POST <base>/v1beta/models/<model>:<method>[?alt=sse] with the key in its header. */
export function geminiUpstreamRequest({ baseUrl, apiKey, model, method, body, sse }: { baseUrl: string; apiKey: string; model: string; method: GeminiMethod; body: unknown; sse: boolean }): UpstreamRequest {
  return {
    url: joinUpstreamUrl({ baseUrl, path: `/v1beta/models/${encodeURIComponent(model)}:${method}${sse ? "?alt=sse" : ""}` }),
    headers: { "x-goog-api-key": apiKey, "content-type": "application/json", accept: sse ? "text/event-stream" : "application/json" },
    body: JSON.stringify(body),
  };
}

/** The error half of a forwarder: upstream errors read by the Gemini adapter, answered in Gemini's shape. */
export const geminiErrors: Pick<CallForwarder<unknown>, "readUpstreamError" | "errorBody"> = {
  readUpstreamError: ({ target, status, bodyText, secrets }) => getProviderAdapter(target.provider).parseError({ status, bodyText, secrets }),
  errorBody: (error) => geminiErrorBody(error),
};
