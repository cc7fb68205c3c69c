import { formatParam } from "../../chat-api/describe-issue";
import { GatewayRequestError } from "../../chat-api/gateway-request-error";

// The parts of Gemini contents as 1Relay checks them (decision 018): one pass that refuses what
// cannot be bounded before sending (files stored at Google, audio, video and PDFs, whose tokens
// their bytes do not bound) and returns a copy with image data emptied (an image is counted at
// the provider's per-image maximum) and how many images there were. Text-like inline data
// (text/*, JSON) is counted by its bytes like any text.

type Json = Record<string, unknown>;
type Path = (string | number)[];

function refuse(path: Path, message: string): never {
  const param = formatParam(path);
  throw new GatewayRequestError({ param, message: `Invalid '${param}': ${message}`, code: "unsupported_value" });
}

const TEXT_LIKE = /^(text\/[a-z0-9.+-]+|application\/(json|xml|x-yaml|yaml))$/i;

function walk(value: unknown, path: Path, count: { images: number }): unknown {
  if (Array.isArray(value)) return value.map((item, i) => walk(item, [...path, i], count));
  if (!value || typeof value !== "object") return value;
  const obj = value as Json;
  if ("fileData" in obj) refuse([...path, "fileData"], "files stored with Google are not supported through 1Relay: their tokens cannot be bounded before sending. Send the content inline.");
  const copy: Json = {};
  for (const [key, inner] of Object.entries(obj)) copy[key] = key === "args" || key === "response" ? inner : walk(inner, [...path, key], count);
  const inline = obj.inlineData as Json | undefined;
  if (inline && typeof inline === "object") {
    const mime = String(inline.mimeType ?? "");
    if (/^image\//i.test(mime)) {
      count.images += 1;
      copy.inlineData = { ...inline, data: "" };
    } else if (!TEXT_LIKE.test(mime)) {
      refuse([...path, "inlineData", "mimeType"], `${mime || "this media"} is not supported through 1Relay yet: its tokens cannot be bounded before sending (images and text are).`);
    }
  }
  return copy;
}

/** Refuses what cannot be bounded; the value with image data emptied, and its image count. */
export function inspectGeminiContents(value: unknown, root: Path): { textOnly: unknown; images: number } {
  const count = { images: 0 };
  const textOnly = walk(value, root, count);
  return { textOnly, images: count.images };
}
