// The consent page's URL (`/connect/authorize?…`) and the checks on what comes back with the
// code (state in constant time, iss per RFC 9207): one copy for the server and browser entries.
import { equalBytes } from "../../../lib/crypto/compare";
import { encodeUtf8 } from "../../../lib/crypto/encoding";
import { formatScope, parseScope } from "../../../lib/connect/scope";
import { ConnectError } from "./errors.js";

/** Checks a scope (the v1.1 grammar) and returns its canonical text; RangeError when invalid. */
export function canonicalScope(scope: string): string {
  const parsed = parseScope(scope);
  if (!parsed.ok) throw new RangeError(`scope is invalid: ${parsed.message}`);
  return formatScope(parsed.scope);
}

export interface SuggestedLimits {
  budgetUsd?: number;
  rpm?: number;
}

/** Suggested limits, checked as the server checks them; whole cents for the budget (never "1e-7"). */
export function suggestionParams(suggested: SuggestedLimits | undefined): Record<string, string> {
  const budgetUsd = suggested?.budgetUsd;
  const rpm = suggested?.rpm;
  if (budgetUsd !== undefined && !(typeof budgetUsd === "number" && Number.isFinite(budgetUsd) && budgetUsd >= 0 && budgetUsd <= 1_000_000)) {
    throw new RangeError("suggested.budgetUsd must be a number from 0 to 1000000");
  }
  if (rpm !== undefined && !(Number.isInteger(rpm) && rpm >= 1 && rpm <= 100_000)) throw new RangeError("suggested.rpm must be a whole number from 1 to 100000");
  const params: Record<string, string> = {};
  if (budgetUsd !== undefined) params.budget_usd = String(Math.round(budgetUsd * 100) / 100);
  if (rpm !== undefined) params.rpm = String(rpm);
  return params;
}

/** `<base>/connect/authorize?response_type=code&…` (S256 only), with the app's X25519 public key as `key`. */
export function buildAuthorizeUrl({
  base,
  clientId,
  redirectUri,
  scope,
  state,
  codeChallenge,
  key,
  suggested,
  display,
}: {
  base: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  state: string;
  codeChallenge: string;
  key: string;
  suggested?: SuggestedLimits;
  display?: "popup" | "page";
}): string {
  if (display !== undefined && display !== "popup" && display !== "page") throw new RangeError("display must be popup or page");
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: canonicalScope(scope),
    state,
    code_challenge: codeChallenge,
    code_challenge_method: "S256",
    key,
    ...suggestionParams(suggested),
  });
  if (display !== undefined) query.set("display", display);
  return `${base}/connect/authorize?${query.toString()}`;
}

/** The state returned must equal the one sent (constant time); iss, when present, must be the relay's origin. */
export function checkCallback({ base, expectedState, state, iss }: { base: string; expectedState: string; state: unknown; iss?: unknown }): void {
  if (typeof state !== "string" || !equalBytes(encodeUtf8(state), encodeUtf8(expectedState))) {
    throw new ConnectError({ code: "state_mismatch", message: "the state returned does not match this authorization" });
  }
  if (iss !== undefined && iss !== new URL(base).origin) {
    throw new ConnectError({ code: "iss_mismatch", message: "the code was issued by another server (iss)" });
  }
}
