import { GatewayRequestError } from "../../chat-api/gateway-request-error";
import { formatParam } from "../../chat-api/describe-issue";

// The Responses `input` (and instructions) as 1Relay checks it: one pass over the items that
// refuses what needs stored state or cannot be bounded before sending, and returns a copy with
// every image's data emptied (an image is counted at the provider's per-image maximum, not by
// the bytes of its URL) and how many images there were.

type Path = (string | number)[];

function refuse(path: Path, message: string): never {
  const param = formatParam(path);
  throw new GatewayRequestError({ param, message: `Invalid '${param}': ${message}`, code: "unsupported_value" });
}

const STORED_STATE = "it refers to an item OpenAI would have stored, and 1Relay sends every request with store=false (send the item itself instead)";

interface Walk {
  images: number;
}

function walkObject(value: Record<string, unknown>, path: Path, walk: Walk): Record<string, unknown> {
  const type = value.type;
  if (type === "item_reference") refuse([...path, "type"], STORED_STATE);
  if (type === "input_file") refuse([...path, "type"], "files are not supported through 1Relay yet: their tokens cannot be bounded before sending. Send the text instead.");
  if (type === "input_audio") refuse([...path, "type"], "audio input is not supported through 1Relay yet.");
  if ("prompt_cache_breakpoint" in value) refuse([...path, "prompt_cache_breakpoint"], "explicit cache breakpoints are not supported through 1Relay yet: their write price is not in the pricing table.");
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) copy[key] = walkValue(inner, [...path, key], walk);
  if (type === "input_image" || type === "computer_screenshot") {
    walk.images += 1;
    if (typeof copy.image_url === "string") copy.image_url = "";
    if (typeof copy.file_id === "string") copy.file_id = "";
  }
  return copy;
}

function walkValue(value: unknown, path: Path, walk: Walk): unknown {
  if (Array.isArray(value)) return value.map((item, i) => walkValue(item, [...path, i], walk));
  if (value && typeof value === "object") return walkObject(value as Record<string, unknown>, path, walk);
  return value;
}

/** Refuses what needs stored state or has no bound; the input with image data emptied, and its image count. */
export function inspectResponsesInput(input: unknown): { textOnly: unknown; images: number } {
  const walk: Walk = { images: 0 };
  const textOnly = walkValue(input, ["input"], walk);
  return { textOnly, images: walk.images };
}
