// One place that turns a field's validation problem into a sentence for a person: "The monthly
// budget can be at most $1,000,000.00." rather than "policy.budgetUsd: Too big: expected number
// to be <=1000000". Messages a schema author wrote as sentences are kept; zod's own defaults are
// reworded with the field's name. Pure (zod issues in, a sentence out).
import type { z } from "zod";
import { formatUsdAmount } from "../money/money";

type Issue = z.core.$ZodIssue;

/** How people know the fields of our API bodies (by path; the last segment otherwise). */
const LABELS: Record<string, string> = {
  "policy.budgetUsd": "The monthly budget",
  "policy.rpm": "Requests per minute",
  "policy.expiresAt": "The expiry date",
  "policy.models": "The list of models",
  "policy.providers": "The list of providers",
  "policy.fitOutput": "“Fit output to budget”",
  monthlyCapUsd: "The account-wide cap",
  name: "The name",
  label: "The label",
  email: "The email address",
  code: "The code",
  emailCode: "The emailed code",
  homepage: "The homepage",
  description: "The description",
  redirectUris: "The redirect URIs",
  grants: "The keys",
  secret: "The key",
};

/** Amounts in these fields are dollars. */
const DOLLARS = /(budgetUsd|CapUsd|capUsd)$/;

function humanize(segment: string): string {
  const words = segment.replace(/_/g, " ").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().trim();
  return words ? `The ${words}` : "This value";
}

/** The field's name for a person: "The monthly budget", "The redirect URIs", "The client name". */
export function fieldLabel(path: readonly PropertyKey[]): string {
  const named = path.filter((p): p is string => typeof p === "string");
  const key = named.join(".");
  if (LABELS[key]) return LABELS[key];
  const last = named.at(-1);
  if (last && LABELS[last]) return LABELS[last];
  return last ? humanize(last) : "The request";
}

const ZOD_DEFAULT = /^(Too big|Too small|Invalid input|Invalid option|Invalid string|Invalid|Unrecognized key)/;

const count = (n: number | bigint) => (typeof n === "bigint" ? n.toString() : n.toLocaleString("en-US"));

function amount(path: readonly PropertyKey[], n: number | bigint): string {
  return DOLLARS.test(String(path.at(-1) ?? "")) && typeof n === "number" ? formatUsdAmount(n) : count(n);
}

const KINDS: Record<string, string> = { number: "a number", int: "a whole number", string: "text", boolean: "true or false", array: "a list", object: "an object" };

function problem(issue: Issue): string {
  const path = issue.path;
  switch (issue.code) {
    case "too_big": {
      const n = issue.maximum as number | bigint;
      if (issue.origin === "string") return `can be at most ${count(n)} characters long`;
      if (issue.origin === "array" || issue.origin === "set") return `can hold at most ${count(n)} ${n === 1 ? "entry" : "entries"}`;
      return issue.inclusive === false ? `must be less than ${amount(path, n)}` : `can be at most ${amount(path, n)}`;
    }
    case "too_small": {
      const n = issue.minimum as number | bigint;
      if (issue.origin === "string") return Number(n) <= 1 ? "cannot be empty" : `must be at least ${count(n)} characters long`;
      if (issue.origin === "array" || issue.origin === "set") return `must hold at least ${count(n)} ${n === 1 ? "entry" : "entries"}`;
      return issue.inclusive === false ? `must be more than ${amount(path, n)}` : `must be at least ${amount(path, n)}`;
    }
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return "is missing";
      return `must be ${KINDS[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return issue.values.length === 1 ? `must be ${JSON.stringify(issue.values[0])}` : `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return "is not in the expected form";
    case "not_multiple_of":
      return `must be a multiple of ${count(issue.divisor as number)}`;
    default:
      return "is not valid";
  }
}

/** The sentence for one issue, and the field it is about (dotted path; undefined for the whole body). */
export function describeFieldIssue(issue: Issue | undefined): { field: string | undefined; message: string } {
  if (!issue) return { field: undefined, message: "The request is not valid." };
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const field = [...issue.path, key].filter((p) => typeof p === "string" || typeof p === "number").join(".");
    return { field, message: `“${key}” is not a field this request takes.` };
  }
  const field = issue.path.map(String).join(".") || undefined;
  const own = issue.message;
  if (own && !ZOD_DEFAULT.test(own)) {
    // The schema's author wrote it: a sentence is kept as written, a phrase gets the field's name.
    if (/^[A-Z“"]/.test(own)) return { field, message: /[.!?]$/.test(own) ? own : `${own}.` };
    return { field, message: `${fieldLabel(issue.path)} ${own.replace(/[.]$/, "")}.` };
  }
  return { field, message: `${fieldLabel(issue.path)} ${problem(issue)}.` };
}
