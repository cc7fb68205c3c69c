/**
 * The query of `GET /connect/authorize` (security model, "App
 * authorization"; RFC 6749 §4.1.1, RFC 7636 §4.3, OAuth 2.1 §4.1.1).
 *
 * - Parameters sent more than once are an error (RFC 6749 §3.1); a parameter
 *   with an empty value counts as absent (§3.1); unknown ones are ignored.
 * - Errors come in a fixed order of parameters: client_id, redirect_uri,
 *   response_type, state, code_challenge_method, code_challenge, scope, key,
 *   budget_usd, rpm, display.
 * - An error carries `redirect` only when it may be sent back to the app's
 *   redirect URI (RFC 6749 §4.1.2.1), which the caller still has to match
 *   against the registered client first. Errors in client_id, redirect_uri,
 *   state or PKCE never carry it: they get an error page.
 */
import { z } from "zod";
import { parseAppPublicKey } from "../crypto/seal";
import { CLIENT_ID_SYNTAX } from "./codes";
import { MAX_REDIRECT_URI_LENGTH } from "./redirect-uri";
import { isValidChallenge } from "./pkce";
import { parseScope, type ParsedScope } from "./scope";

export const AUTHORIZE_PARAMS = [
  "client_id",
  "redirect_uri",
  "response_type",
  "state",
  "code_challenge_method",
  "code_challenge",
  "scope",
  "key",
  "budget_usd",
  "rpm",
  "display",
] as const;
type AuthorizeParam = (typeof AUTHORIZE_PARAMS)[number];

/** Errors about these are shown on our page, never redirected. */
const PAGE_ONLY_PARAMS: readonly AuthorizeParam[] = ["client_id", "redirect_uri", "state", "code_challenge_method", "code_challenge"];

/** RFC 6749 Appendix A.5: state = 1*VSCHAR; we cap it at 500 characters. */
const STATE_SYNTAX = /^[\x20-\x7e]{1,500}$/;
/** A plain decimal: no sign, exponent, hex or leading dot. */
const BUDGET_SYNTAX = /^(0|[1-9][0-9]{0,6})(\.[0-9]{1,6})?$/;
const RPM_SYNTAX = /^[1-9][0-9]{0,5}$/;

function required(name: string) {
  return z.string({ error: `${name} is required` });
}

function isAbsoluteHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

function isAppPublicKey(text: string): boolean {
  try {
    parseAppPublicKey(text);
    return true;
  } catch {
    return false;
  }
}

/** The query after the duplicate check, as one string per parameter (zod, snake_case as on the wire). */
export const authorizeQuerySchema = z.object({
  client_id: required("client_id").regex(CLIENT_ID_SYNTAX, "client_id is malformed"),
  redirect_uri: required("redirect_uri")
    .max(MAX_REDIRECT_URI_LENGTH, `redirect_uri must be at most ${MAX_REDIRECT_URI_LENGTH} characters`)
    .refine(isAbsoluteHttpUrl, "redirect_uri must be an absolute http(s) URL"),
  response_type: required("response_type").refine((v) => v === "code", "only response_type=code is supported"),
  state: required("state").regex(STATE_SYNTAX, "state must be 1-500 printable ASCII characters"),
  code_challenge_method: required("code_challenge_method=S256")
    .refine((v) => v !== "plain", "code_challenge_method=plain is not allowed; use S256")
    .refine((v) => v === "S256" || v === "plain", "code_challenge_method must be S256"),
  code_challenge: required("code_challenge").refine(isValidChallenge, "code_challenge must be 43 base64url characters (S256)"),
  scope: required("scope").transform((text, ctx) => {
    const parsed = parseScope(text);
    if (parsed.ok) return parsed.scope;
    ctx.addIssue({ code: "custom", message: `scope is invalid: ${parsed.message}` });
    return z.NEVER;
  }),
  key: required("key").refine(isAppPublicKey, "key must be an X25519 public key: 32 bytes in base64url"),
  budget_usd: z
    .string()
    .regex(BUDGET_SYNTAX, "budget_usd must be a plain decimal number of dollars")
    .transform(Number)
    .refine((v) => v >= 0 && v <= 1_000_000, "budget_usd must be between 0 and 1000000")
    .optional(),
  rpm: z
    .string()
    .regex(RPM_SYNTAX, "rpm must be a whole number")
    .transform(Number)
    .refine((v) => v >= 1 && v <= 100_000, "rpm must be between 1 and 100000")
    .optional(),
  display: z.enum(["popup", "page"], { error: "display must be popup or page" }).optional(),
});

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
  /** The scope requested, parsed (see scope.ts); formatScope gives its canonical text. */
  scope: ParsedScope;
  /** The app's X25519 public key, base64url (43 characters). */
  key: string;
  /** Limits the app suggests; the person decides. */
  suggested: { budgetUsd?: number; rpm?: number };
  display?: "popup" | "page";
}

export type AuthorizeQueryErrorCode = "invalid_request" | "unsupported_response_type" | "invalid_scope";

export type ParseAuthorizeResult =
  | { ok: true; request: AuthorizeRequest }
  | {
      ok: false;
      error: AuthorizeQueryErrorCode;
      description: string;
      param: AuthorizeParam;
      /** Present only when the error may go back to redirect_uri (after the caller has checked client and URI). */
      redirect?: { clientId: string; redirectUri: string; state: string };
    };

function errorCodeFor({ param, present }: { param: AuthorizeParam; present: boolean }): AuthorizeQueryErrorCode {
  if (param === "response_type" && present) return "unsupported_response_type";
  if (param === "scope") return "invalid_scope"; // RFC 6749 §3.3: a missing scope is invalid_scope too
  return "invalid_request";
}

/** Parses and checks the authorization request; never throws for URLSearchParams input. */
export function parseAuthorizeQuery(searchParams: URLSearchParams): ParseAuthorizeResult {
  if (!(searchParams instanceof URLSearchParams)) throw new TypeError("searchParams must be a URLSearchParams");
  const raw: Partial<Record<AuthorizeParam, string>> = {};
  const problems: { param: AuthorizeParam; message: string; duplicate: boolean }[] = [];
  for (const param of AUTHORIZE_PARAMS) {
    const values = searchParams.getAll(param).filter((value) => value !== "");
    if (values.length > 1) problems.push({ param, message: `${param} must not be sent more than once`, duplicate: true });
    if (values.length > 0) raw[param] = values[0];
  }
  const parsed = authorizeQuerySchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push({ param: issue.path[0] as AuthorizeParam, message: issue.message, duplicate: false });
    }
  }
  if (problems.length > 0) {
    // The first problem in parameter order; for one parameter, a duplicate comes first (it was pushed first).
    const rank = (param: AuthorizeParam) => AUTHORIZE_PARAMS.indexOf(param);
    const first = problems.reduce((best, problem) => (rank(problem.param) < rank(best.param) ? problem : best));
    const error = first.duplicate ? "invalid_request" : errorCodeFor({ param: first.param, present: raw[first.param] !== undefined });
    const result: ParseAuthorizeResult = { ok: false, error, description: first.message, param: first.param };
    if (!PAGE_ONLY_PARAMS.includes(first.param)) {
      // Every parameter before first.param passed, client_id, redirect_uri and state among them.
      result.redirect = { clientId: raw.client_id!, redirectUri: raw.redirect_uri!, state: raw.state! };
    }
    return result;
  }
  if (!parsed.success) throw new Error("unreachable");
  const q = parsed.data;
  const suggested: AuthorizeRequest["suggested"] = {};
  if (q.budget_usd !== undefined) suggested.budgetUsd = q.budget_usd;
  if (q.rpm !== undefined) suggested.rpm = q.rpm;
  const request: AuthorizeRequest = {
    clientId: q.client_id,
    redirectUri: q.redirect_uri,
    state: q.state,
    codeChallenge: q.code_challenge,
    codeChallengeMethod: "S256",
    scope: q.scope,
    key: q.key,
    suggested,
  };
  if (q.display !== undefined) request.display = q.display;
  return { ok: true, request };
}
