// JSON.parse with the checks a hostile body needs before any schema sees it: a nesting limit
// (deep values would overflow the stack of recursive code later: zod, JSON.stringify), no
// "__proto__" key (JSON.parse keeps it as an own property, which object spreads and record
// schemas then turn into a prototype), and well-formed Unicode (a "\ud800" escape is valid
// JSON but not text: it cannot be encoded as UTF-8, so it is refused rather than replaced).

export const DEFAULT_MAX_JSON_DEPTH = 64;

export type StrictJsonResult = { ok: true; value: unknown } | { ok: false; message: string };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

class Refusal extends Error {}

/** The deepest nesting of arrays and objects in `text`, counted outside strings; stops past `limit`. */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

export function parseStrictJson(text: string, { maxDepth = DEFAULT_MAX_JSON_DEPTH }: { maxDepth?: number } = {}): StrictJsonResult {
  if (jsonDepthExceeds(text, maxDepth)) return { ok: false, message: `The body is nested more than ${maxDepth} levels deep.` };
  try {
    const value: unknown = JSON.parse(text, (key, value: unknown) => {
      if (key === "__proto__") throw new Refusal('The body contains the key "__proto__", which is not accepted.');
      if (LONE_SURROGATE.test(key) || (typeof value === "string" && LONE_SURROGATE.test(value))) {
        throw new Refusal("The body contains a lone surrogate escape (\\ud800-\\udfff), which is not valid Unicode text.");
      }
      return value;
    });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, message: error.message };
    return { ok: false, message: "The body is not valid JSON." };
  }
}
