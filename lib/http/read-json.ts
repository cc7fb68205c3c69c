import type { z } from "zod";
import { AppError } from "../errors/app-error";
import { describeFieldIssue } from "../errors/field-sentences";
import { readBodyCapped } from "./read-body";
import { parseStrictJson } from "./strict-json";

export const DEFAULT_JSON_LIMIT_BYTES = 64 * 1024;

/** A body whose stream failed: the client's connection broke, or its chunked framing was malformed. */
export const unreadableBody = () => new AppError({ code: "bad_request", message: "The request body could not be read: the connection broke or its framing was malformed." });

/**
 * Reads a request body as JSON and validates it: at most `limitBytes` (413 beyond),
 * strict UTF-8 (invalid bytes are an error, never replaced), `application/json`, strict JSON
 * (strict-json.ts: bounded nesting, no "__proto__", no lone surrogates), then the zod schema
 * (400 with the first bad field, in a sentence: lib/errors/field-sentences.ts).
 */
export async function readJson<S extends z.ZodType>({
  request,
  schema,
  limitBytes = DEFAULT_JSON_LIMIT_BYTES,
}: {
  request: Request;
  schema: S;
  limitBytes?: number;
}): Promise<z.infer<S>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError({ code: "bad_request", message: "Send the body as application/json." });
  }
  const bytes = await readBodyCapped({ request, limitBytes, tooLarge: () => tooLarge(limitBytes), unreadable: unreadableBody });
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new AppError({ code: "bad_request", message: "The body is not valid UTF-8." });
  }
  const json = parseStrictJson(text);
  if (!json.ok) throw new AppError({ code: "bad_request", message: json.message });
  const parsed = schema.safeParse(json.value);
  if (!parsed.success) {
    const { field, message } = describeFieldIssue(parsed.error.issues[0]);
    throw new AppError({ code: "bad_request", field, message });
  }
  return parsed.data;
}

function tooLarge(limitBytes: number): AppError {
  return new AppError({ code: "payload_too_large", message: `The body is larger than ${Math.floor(limitBytes / 1024)} KiB.` });
}
