// What a Messages API client sends besides its body: where its key travels (the relay token
// here), the API version and the betas. Only the version (from an allowed set) and the allowed
// betas (anthropic-betas.ts) go upstream; every other client header stays here.
import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { filterAnthropicBetas } from "./anthropic-betas";

/**
 * The versions 1Relay knows the wire format of: 2023-06-01 (every Anthropic client until 2026)
 * and 2026-10-21 (the TypeScript SDK 1.16's default). A request without the header gets 2023-06-01.
 */
export const ANTHROPIC_VERSIONS = ["2023-06-01", "2026-10-21"] as const;
export const DEFAULT_ANTHROPIC_VERSION = "2023-06-01";

export interface AnthropicHeaders {
  version: string;
  /** Allowed anthropic-beta values, in the client's order. */
  betas: string[];
}

/**
 * The relay token as Anthropic's clients send their key: `x-api-key`, or `Authorization: Bearer`
 * (Claude Code's ANTHROPIC_AUTH_TOKEN). When both come, the one that is a relay token (`1r_`) is
 * taken (Claude Code sends a stray ANTHROPIC_API_KEY beside it), else x-api-key.
 */
export function readAnthropicToken(request: Request): string | null {
  const apiKey = request.headers.get("x-api-key")?.trim() || null;
  const bearer = /^Bearer ([^\s]+)$/.exec(request.headers.get("authorization") ?? "")?.[1] ?? null;
  if (apiKey && bearer && !apiKey.startsWith("1r_") && bearer.startsWith("1r_")) return bearer;
  return apiKey ?? bearer;
}

/** The version (400 when it is one 1Relay does not know) and the allowed betas (others dropped). */
export function readAnthropicHeaders(request: Request): AnthropicHeaders {
  const version = request.headers.get("anthropic-version")?.trim() || DEFAULT_ANTHROPIC_VERSION;
  if (!(ANTHROPIC_VERSIONS as readonly string[]).includes(version)) {
    throw new GatewayRequestError({
      param: "anthropic-version",
      code: "invalid_value",
      message: `anthropic-version: "${version.slice(0, 40)}" is not a version 1Relay knows. Use ${ANTHROPIC_VERSIONS.join(" or ")}.`,
    });
  }
  return { version, betas: filterAnthropicBetas(request.headers.get("anthropic-beta")) };
}
