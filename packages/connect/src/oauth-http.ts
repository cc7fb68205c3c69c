// The form POSTs of the OAuth endpoints (/connect/token, /connect/revoke, /connect/device) and
// their errors (RFC 6749 §5.2), shared by every entry of the package.
import { ConnectError } from "./errors.js";

export interface FormAnswer {
  status: number;
  ok: boolean;
  body: unknown;
}

export async function postForm({ url, form, fetchImpl, headers = {} }: { url: string; form: Record<string, string | undefined>; fetchImpl: typeof fetch; headers?: Record<string, string> }): Promise<FormAnswer> {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(form)) if (value !== undefined) body.set(name, value);
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: "POST",
      headers: { ...headers, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body: body.toString(),
      redirect: "manual",
    });
  } catch (cause) {
    throw new ConnectError({ code: "network_error", message: `could not reach 1Relay: ${cause instanceof Error ? cause.message : "fetch failed"}`, cause });
  }
  const text = await response.text().catch(() => "");
  let parsed: unknown = undefined;
  if (text !== "") {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
  }
  return { status: response.status, ok: response.status >= 200 && response.status < 300, body: parsed };
}

/** The server's OAuth error (RFC 6749 §5.2) as a ConnectError; never echoes anything but the error fields. */
export function errorFromResponse({ status, body }: { status: number; body: unknown }): ConnectError {
  const record = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const code = typeof record.error === "string" && /^[a-z_]{1,64}$/.test(record.error) ? record.error : "server_error";
  const detail = typeof record.error_description === "string" && record.error_description.length <= 300 ? `: ${record.error_description}` : "";
  return new ConnectError({ code, status, message: `1Relay answered ${status} ${code}${detail}` });
}

export function invalidResponse(message: string, status?: number): ConnectError {
  return new ConnectError({ code: "invalid_response", status, message });
}

/** A JSON object answer, or an invalid_response error naming what was wrong. */
export function objectBody({ status, body }: FormAnswer): Record<string, unknown> {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw invalidResponse("1Relay did not answer with a JSON object", status);
  return body as Record<string, unknown>;
}
