// Gemini's REST API is proto JSON: every field may be sent in camelCase or snake_case
// (`system_instruction`, `inline_data`, `generation_config` in Google's own curl examples). The
// gateway checks and forwards camelCase only, so names are converted first, everywhere except
// inside values that are the client's own data (function arguments and results, JSON schemas,
// labels), whose keys are not field names.

type Json = Record<string, unknown>;

/** Keys whose values are free-form data, not messages of the API. */
const OPAQUE = new Set(["args", "response", "parameters", "parametersJsonSchema", "responseJsonSchema", "responseSchema", "labels", "partMetadata", "metadata"]);

export const camelCase = (key: string): string => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The value with every field name in camelCase (a name given both ways: the camelCase one wins). */
export function toCamelCaseFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toCamelCaseFields);
  if (!value || typeof value !== "object") return value;
  const out: Json = {};
  const entries = Object.entries(value as Json);
  for (const [key, inner] of entries) {
    const name = camelCase(key);
    if (name !== key && Object.hasOwn(value as object, name)) continue;
    out[name] = OPAQUE.has(name) ? inner : toCamelCaseFields(inner);
  }
  return out;
}
