/**
 * Canonical JSON for signing: object keys sorted recursively (by UTF-16 code
 * units, as RFC 8785 §3.2.3), arrays kept in order, no whitespace, numbers
 * and strings serialised as ECMAScript JSON.stringify does (RFC 8785
 * §3.2.2). Anything JSON cannot carry exactly is refused rather than
 * silently dropped or changed: undefined, NaN/Infinity, functions, bigint,
 * class instances, lone surrogates, cycles.
 */
export type JsonValue = null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue };

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function serializeString(text: string): string {
  if (LONE_SURROGATE.test(text)) throw new TypeError("canonical JSON refuses strings with lone surrogates");
  return JSON.stringify(text);
}

function serialize(value: unknown, seen: Set<object>): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("canonical JSON refuses NaN and Infinity");
      return JSON.stringify(value);
    case "string":
      return serializeString(value);
    case "object":
      break;
    default:
      throw new TypeError(`canonical JSON refuses values of type ${typeof value}`);
  }
  const object = value as object;
  if (seen.has(object)) throw new TypeError("canonical JSON refuses cycles");
  seen.add(object);
  try {
    if (Array.isArray(object)) return `[${object.map((item: unknown) => serialize(item, seen)).join(",")}]`;
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) throw new TypeError("canonical JSON refuses non-plain objects");
    const record = object as Record<string, unknown>;
    const members = Object.keys(record)
      .sort()
      .map((key) => `${serializeString(key)}:${serialize(record[key], seen)}`);
    return `{${members.join(",")}}`;
  } finally {
    seen.delete(object);
  }
}

/** The canonical JSON text of `value`; TypeError for anything not exactly representable. */
export function canonicalizeJson(value: JsonValue): string {
  return serialize(value, new Set());
}
