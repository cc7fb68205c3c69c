import { GatewayRequestError } from "../chat-api/gateway-request-error";

/**
 * A tool call's `arguments` (a JSON text in OpenAI's format) as the object Anthropic
 * (`tool_use.input`) and Gemini (`functionCall.args`) need. Empty text means no arguments.
 */
export function parseToolArguments({ text, param }: { text: string; param: string }): Record<string, unknown> {
  if (text.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new GatewayRequestError({ param, message: `Invalid '${param}': must be a JSON object.`, code: "invalid_value" });
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    throw new GatewayRequestError({ param, message: `Invalid '${param}': must be a JSON object.`, code: "invalid_value" });
  }
  return value as Record<string, unknown>;
}
