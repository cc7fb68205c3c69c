import type { z } from "zod";

// Turns zod's first issue into OpenAI's error vocabulary: `param` as OpenAI writes it
// ("messages[2].content[0].image_url.url") and a message that names the field.

type Issue = z.core.$ZodIssue;
type Path = readonly PropertyKey[];

/** ["messages", 2, "content"] → "messages[2].content" */
export function formatParam(path: Path): string | null {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? null : out;
}

/**
 * In a union, the branch that got furthest into the value explains the problem best
 * (a tool_choice object missing its function name, not "expected string").
 */
function deepestBranchIssue(issue: Issue & { code: "invalid_union" }): Issue | undefined {
  let best: Issue | undefined;
  for (const branch of issue.errors) {
    const first = branch[0];
    if (first && first.path.length > 0 && (!best || first.path.length > best.path.length)) best = first;
  }
  return best ? { ...best, path: [...issue.path, ...best.path] } : undefined;
}

function explain(issue: Issue): { param: string | null; message: string; code: string | null } {
  if (issue.code === "invalid_union" && issue.errors.length > 0) {
    const inner = deepestBranchIssue(issue);
    if (inner) return explain(inner);
  }
  if (issue.code === "unrecognized_keys") {
    const field = formatParam([...issue.path, issue.keys[0] ?? ""]) ?? "";
    const message = issue.path.length === 0 ? `Unrecognized request argument supplied: ${field}` : `Unrecognized field: ${field}`;
    return { param: field, message, code: "unknown_parameter" };
  }
  const param = formatParam(issue.path);
  const missing = issue.code === "invalid_type" && issue.message.includes("received undefined");
  if (missing && param) return { param, message: `Missing required parameter: '${param}'.`, code: "missing_required_parameter" };
  const message = param ? `Invalid '${param}': ${issue.message}` : issue.message;
  return { param, message, code: issue.code === "invalid_type" ? "invalid_type" : "invalid_value" };
}

export function describeFirstIssue(issues: readonly Issue[]): { param: string | null; message: string; code: string | null } {
  const first = issues[0];
  if (!first) return { param: null, message: "The request is invalid.", code: null };
  return explain(first);
}
