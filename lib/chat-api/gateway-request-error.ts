import { AppError } from "../errors/app-error";

// A 400 about the client's Chat Completions request, in OpenAI's terms: `param` names the
// offending field the way OpenAI does ("messages[2].content"), `code` is OpenAI-style
// ("unsupported_parameter", "unsupported_value", "invalid_value") or null.

export class GatewayRequestError extends AppError {
  readonly param: string | null;
  readonly type = "invalid_request_error";
  readonly openaiCode: string | null;

  constructor({ param, message, code = null }: { param: string | null; message: string; code?: string | null }) {
    super({ code: "bad_request", message, field: param ?? undefined });
    this.name = "GatewayRequestError";
    this.param = param;
    this.openaiCode = code;
  }
}

export function isGatewayRequestError(value: unknown): value is GatewayRequestError {
  return value instanceof GatewayRequestError;
}
