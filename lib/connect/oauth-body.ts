import { readBodyCapped } from "../http/read-body";
import { MAX_FORM_LENGTH } from "./token-request";

// Reads an OAuth endpoint's body: application/x-www-form-urlencoded (RFC 6749 §4.1.3) as its
// text, or JSON as a value. Strict: a body over the cap, invalid UTF-8 or another content type
// is an invalid_request, never silently repaired.

export type OAuthBody = { ok: true; value: unknown } | { ok: false; description: string };

// Signals from the body reader, answered in OAuth's error shape below.
const TOO_LARGE = new RangeError("too large");
const UNREADABLE = new Error("unreadable");

export async function readOAuthBody(request: Request): Promise<OAuthBody> {
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded" && type !== "application/json") {
    return { ok: false, description: "Send the parameters as application/x-www-form-urlencoded (or application/json)." };
  }
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped({ request, limitBytes: MAX_FORM_LENGTH, tooLarge: () => TOO_LARGE, unreadable: () => UNREADABLE });
  } catch (error) {
    if (error === TOO_LARGE) return { ok: false, description: "The request body is too large." };
    if (error === UNREADABLE) return { ok: false, description: "The request body could not be read." };
    throw error;
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return { ok: false, description: "The request body is not valid UTF-8." };
  }
  if (type === "application/x-www-form-urlencoded") return { ok: true, value: text };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, description: "The request body is not valid JSON." };
  }
}
