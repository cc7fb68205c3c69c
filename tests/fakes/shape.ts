// Structural comparison of a fake's output with a documented example: same keys and same JSON
// types at every level. Used by the fixture tests so the fakes cannot drift from the real formats.
export interface ShapeRules {
  /** Paths the fake may leave out although the example has them, e.g. "$.content[*].citations". */
  optional?: string[];
  /** Paths the fake may add although the example lacks them (documented elsewhere in the reference). */
  extra?: string[];
}

type Kind = "null" | "array" | "object" | "string" | "number" | "boolean";

function kindOf(v: unknown): Kind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  return typeof v as Kind;
}

function matches(path: string, patterns: string[] = []): boolean {
  const generic = path.replace(/\[\d+\]/g, "[*]");
  return patterns.some((p) => p === generic || p === path);
}

/**
 * Differences between `expected` (the documented example) and `actual` (the fake's output), as
 * readable strings; empty means same shape. null is compatible with any type (nullable fields).
 * For arrays, each actual element is compared with the example element it differs least from.
 */
export function shapeDiff(expected: unknown, actual: unknown, rules: ShapeRules = {}, path = "$"): string[] {
  const ek = kindOf(expected);
  const ak = kindOf(actual);
  if (ek === "null" || ak === "null") return [];
  if (ek !== ak) return [`${path}: expected ${ek}, got ${ak}`];
  if (ek === "array") {
    const examples = expected as unknown[];
    if (examples.length === 0) return [];
    return (actual as unknown[]).flatMap((item, i) => {
      const candidates = examples.map((example) => shapeDiff(example, item, rules, `${path}[${i}]`));
      return candidates.reduce((best, c) => (c.length < best.length ? c : best));
    });
  }
  if (ek !== "object") return [];
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  const out: string[] = [];
  for (const key of Object.keys(a)) {
    const p = `${path}.${key}`;
    if (key in e) out.push(...shapeDiff(e[key], a[key], rules, p));
    else if (!matches(p, rules.extra)) out.push(`${p}: not in the documented example`);
  }
  for (const key of Object.keys(e)) {
    const p = `${path}.${key}`;
    if (!(key in a) && !matches(p, rules.optional)) out.push(`${p}: missing`);
  }
  return out;
}

/** Differences from the example it resembles most (e.g. one SSE chunk against all documented chunks). */
export function shapeDiffAny(examples: unknown[], actual: unknown, rules: ShapeRules = {}): string[] {
  const diffs = examples.map((example) => shapeDiff(example, actual, rules));
  return diffs.reduce((best, d) => (d.length < best.length ? d : best), diffs[0] ?? ["no examples"]);
}
