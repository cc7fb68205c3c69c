import { scrubSecrets } from "../errors/scrub-secrets";
import { PROVIDER_NAMES } from "./provider-names";
import type { ProviderId, UpstreamError } from "./types";

// Upstream HTTP errors in OpenAI's error vocabulary. Statuses are mapped so that an OpenAI
// client reacts sensibly: 4xx the caller can act on keep their status, a provider that
// rejects the stored key is 401 `provider_key_invalid` (not the relay token's
// `invalid_api_key`), upstream 5xx become 502/503/504. Messages name the provider and are
// scrubbed of anything resembling a key.

const MAX_MESSAGE_CHARS = 1_000;

interface Mapped {
  status: number;
  type: string;
  code: string | null;
}

export function mapUpstreamStatus(status: number): Mapped {
  switch (status) {
    case 400:
    case 422:
      return { status: 400, type: "invalid_request_error", code: null };
    case 401:
      return { status: 401, type: "authentication_error", code: "provider_key_invalid" };
    case 402:
      return { status: 402, type: "insufficient_quota", code: "insufficient_quota" };
    case 403:
      return { status: 403, type: "permission_error", code: null };
    case 404:
    case 409:
    case 413:
      return { status, type: "invalid_request_error", code: null };
    case 408:
    case 504:
      return { status: 504, type: "server_error", code: "upstream_timeout" };
    case 429:
      return { status: 429, type: "rate_limit_error", code: "rate_limit_exceeded" };
    case 503:
    case 529:
      return { status: 503, type: "server_error", code: "upstream_overloaded" };
    default:
      return status >= 400 && status < 500
        ? { status, type: "invalid_request_error", code: null }
        : { status: 502, type: "server_error", code: "upstream_error" };
  }
}

/** Removes key-like strings and the exact secrets given, and bounds the length. */
export function scrubUpstreamText({ text, secrets = [] }: { text: string; secrets?: string[] }): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 4) out = out.split(secret).join("[redacted]");
  out = scrubSecrets(out);
  return out.length > MAX_MESSAGE_CHARS ? `${out.slice(0, MAX_MESSAGE_CHARS)}…` : out;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The UpstreamError for `status`, with the provider's own message (if any) behind its name. */
export function buildUpstreamError({
  provider,
  status,
  upstreamMessage,
  secrets,
  override = {},
}: {
  provider: ProviderId;
  status: number;
  upstreamMessage: string | undefined;
  secrets?: string[];
  override?: Partial<Mapped> & { param?: string | null };
}): UpstreamError {
  const mapped = { ...mapUpstreamStatus(status), ...override };
  const name = PROVIDER_NAMES[provider];
  const detail = upstreamMessage?.trim() ? scrubUpstreamText({ text: upstreamMessage.trim(), secrets }) : `HTTP ${status}`;
  const message =
    mapped.code === "provider_key_invalid"
      ? `${name} rejected the API key stored for this connection: ${detail}`
      : `${name} error (HTTP ${status}): ${detail}`;
  return { status: mapped.status, type: mapped.type, code: mapped.code, param: override.param ?? null, message };
}
