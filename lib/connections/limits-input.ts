// The limits a person types (token form, consent form, Edit limits): one parser, so the three
// forms accept and refuse the same things, with the same sentences, within the same bounds as
// the server's policy schema (POLICY_LIMITS). Pure: the clock is passed in.
import { formatUsdAmount, parseUsdInput } from "../money/money";
import { normaliseOriginList } from "../http/origins";
import { POLICY_LIMITS, type PolicyLimits } from "./wire";

/** What the fields hold, as typed. */
export interface LimitsDraft {
  /** Dollars a month ("" = no cap). "$" and thousands separators are accepted. */
  budget: string;
  /** Requests per minute ("" = no limit). */
  rpm: string;
  /** Last day (YYYY-MM-DD, as a date input gives it; "" = never). The token works until its end, UTC. */
  expires: string;
  /** Upstream model ids ([] = any model of the granted providers). */
  models: readonly string[];
  /** "Fit output to budget" (policy v2). */
  fitOutput: boolean;
  /** "Allowed web origins" (policy v3), one per line or separated by commas or spaces ("" = none). */
  origins: string;
}

export type LimitsField = "budget" | "rpm" | "expires" | "models" | "origins";

export type LimitsParse = { ok: true; limits: PolicyLimits } | { ok: false; field: LimitsField; message: string };

const WHOLE = /^\d+$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const count = (n: number) => n.toLocaleString("en-US");

function parseBudget(text: string): number | null | string {
  const usd = parseUsdInput(text);
  if (usd === null) return null;
  if (usd === "invalid") return "The monthly budget must be a number of dollars, like 10 or 2.50 (leave it empty for no cap).";
  if (usd > POLICY_LIMITS.maxBudgetUsd) return `The monthly budget can be at most ${formatUsdAmount(POLICY_LIMITS.maxBudgetUsd)} (leave it empty for no cap).`;
  return usd;
}

function parseRpm(text: string): number | null | string {
  const cleaned = text.trim().replace(/,(?=\d{3}(\D|$))/g, "");
  if (cleaned === "") return null;
  const problem = `Requests per minute must be a whole number from 1 to ${count(POLICY_LIMITS.maxRpm)} (leave it empty for no limit).`;
  if (!WHOLE.test(cleaned)) return problem;
  const rpm = Number(cleaned);
  return rpm >= 1 && rpm <= POLICY_LIMITS.maxRpm ? rpm : problem;
}

/** The end of the chosen day (UTC), in Unix seconds. */
function parseExpiry(text: string, nowMs: number): number | null | string {
  if (text.trim() === "") return null;
  const day = DAY.exec(text.trim());
  const at = day ? Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3]), 23, 59, 59) : Number.NaN;
  if (!day || !Number.isFinite(at) || new Date(at).toISOString().slice(0, 10) !== text.trim()) return "The expiry must be a date, like 2027-01-31.";
  if (at < nowMs) return "The expiry date is in the past: choose today or a later day.";
  return Math.floor(at / 1000);
}

const dayOf = (seconds: number) => new Date(seconds * 1000).toISOString().slice(0, 10);

/**
 * Checks and converts what the person typed; the first problem is returned as a sentence naming
 * its field. With `current` (Edit limits), an expiry left on its day keeps its exact time.
 */
export function parseLimitsInput({ draft, nowMs, current }: { draft: LimitsDraft; nowMs: number; current?: PolicyLimits }): LimitsParse {
  if (current && current.expiresAt !== null && draft.expires.trim() === dayOf(current.expiresAt)) {
    const rest = parseLimitsInput({ draft: { ...draft, expires: "" }, nowMs });
    return rest.ok ? { ok: true, limits: { ...rest.limits, expiresAt: current.expiresAt } } : rest;
  }
  const budgetUsd = parseBudget(draft.budget);
  if (typeof budgetUsd === "string") return { ok: false, field: "budget", message: budgetUsd };
  const rpm = parseRpm(draft.rpm);
  if (typeof rpm === "string") return { ok: false, field: "rpm", message: rpm };
  const expiresAt = parseExpiry(draft.expires, nowMs);
  if (typeof expiresAt === "string") return { ok: false, field: "expires", message: expiresAt };
  const models = [...new Set(draft.models.map((m) => m.trim()).filter(Boolean))];
  if (models.length > POLICY_LIMITS.maxModels) return { ok: false, field: "models", message: `Choose at most ${POLICY_LIMITS.maxModels} models, or none to allow any model.` };
  const origins = normaliseOriginList(splitOrigins(draft.origins));
  if (!origins.ok) return { ok: false, field: "origins", message: origins.message };
  return { ok: true, limits: { models, budgetUsd, rpm, expiresAt, fitOutput: draft.fitOutput, origins: origins.origins } };
}

/** The typed origins, split on lines, commas and spaces. */
export function splitOrigins(text: string): string[] {
  return text.split(/[\s,]+/).filter((part) => part !== "");
}

/** The fields filled from a connection's current policy (Edit limits). */
export function draftFromPolicy(policy: PolicyLimits): LimitsDraft {
  return {
    budget: policy.budgetUsd === null ? "" : String(policy.budgetUsd),
    rpm: policy.rpm === null ? "" : String(policy.rpm),
    expires: policy.expiresAt === null ? "" : dayOf(policy.expiresAt),
    models: [...policy.models],
    fitOutput: policy.fitOutput,
    origins: policy.origins.join("\n"),
  };
}
