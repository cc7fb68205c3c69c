/**
 * Connection policy, signed in the browser so that raising a limit needs
 * the vault unlocked: tag = HMAC-SHA256(PK, canonical JSON of the policy)
 * (RFC 2104), PK = HKDF(CK, "1relay/v1/policy"). The gateway verifies the
 * tag after opening CK and refuses on mismatch.
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { assertBytes, wipeBytes } from "./bytes";
import { canonicalizeJson } from "./canonical-json";
import { equalBytes } from "./compare";
import { derivePolicyKey } from "./derive-keys";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "./encoding";
import { isNormalOrigin } from "../http/origins";
import { KEY_BYTES } from "./random";

/** The newest policy format; every version listed in POLICY_VERSIONS still verifies. */
export const POLICY_VERSION = 3;
export const POLICY_VERSIONS = [1, 2, 3] as const;
const TAG_BYTES = 32;

type PolicyV1Fields = {
  /** Provider ids the connection may use, e.g. "openai". */
  readonly providers: readonly string[];
  /** Allowed models (upstream ids; [] = any); meaning is the gateway's. */
  readonly models: readonly string[];
  /** Spending cap in US dollars, or null for none. */
  readonly budgetUsd: number | null;
  /** Requests per minute, or null for none. */
  readonly rpm: number | null;
  /** Expiry as Unix time in seconds, or null for none. */
  readonly expiresAt: number | null;
};

/**
 * v1: the six fields. v2 (contract v1.1, "Policy fields"): v1's fields plus `fitOutput`, "fit
 * output to budget" (a request whose worst case exceeds what its budgets have left runs with a
 * lower output limit instead of being refused). A new field always bumps `v`, and a verifier
 * refuses a version it does not know. v3 (decision 022): v2's fields plus `origins`, the web
 * origins (normal form, lib/http/origins.ts) a browser page may call the gateway from; [] = none.
 */
export type Policy =
  | (PolicyV1Fields & { readonly v: 1 })
  | (PolicyV1Fields & { readonly v: 2; readonly fitOutput: boolean })
  | (PolicyV1Fields & { readonly v: 3; readonly fitOutput: boolean; readonly origins: readonly string[] });

const POLICY_KEYS: Record<(typeof POLICY_VERSIONS)[number], string[]> = {
  1: ["budgetUsd", "expiresAt", "models", "providers", "rpm", "v"],
  2: ["budgetUsd", "expiresAt", "fitOutput", "models", "providers", "rpm", "v"],
  3: ["budgetUsd", "expiresAt", "fitOutput", "models", "origins", "providers", "rpm", "v"],
};

/** Whether this verifier knows the policy format `v`. */
export function isKnownPolicyVersion(v: unknown): v is Policy["v"] {
  return (POLICY_VERSIONS as readonly unknown[]).includes(v);
}

function checkStringList(value: unknown, name: string): void {
  if (!Array.isArray(value)) throw new TypeError(`policy.${name} must be an array`);
  for (const item of value) {
    if (typeof item !== "string" || item.length === 0) throw new TypeError(`policy.${name} must hold non-empty strings`);
  }
  if (new Set(value).size !== value.length) throw new RangeError(`policy.${name} must not repeat an entry`);
}

/** Throws TypeError/RangeError unless `policy` is a well-formed policy of a known version with exactly its fields. */
export function assertPolicy(policy: unknown): asserts policy is Policy {
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) throw new TypeError("policy must be an object");
  const record = policy as Record<string, unknown>;
  if (!isKnownPolicyVersion(record.v)) throw new RangeError(`policy.v must be one of ${POLICY_VERSIONS.join(", ")}`);
  const expected = POLICY_KEYS[record.v];
  const keys = Object.keys(record).sort();
  if (keys.length !== expected.length || keys.some((key, i) => key !== expected[i])) {
    throw new TypeError(`a v${record.v} policy must have exactly the fields ${expected.join(", ")}`);
  }
  checkStringList(record.providers, "providers");
  checkStringList(record.models, "models");
  const { budgetUsd, rpm, expiresAt } = record;
  if (budgetUsd !== null && (typeof budgetUsd !== "number" || !Number.isFinite(budgetUsd) || budgetUsd < 0)) {
    throw new RangeError("policy.budgetUsd must be null or a finite number >= 0");
  }
  if (rpm !== null && (typeof rpm !== "number" || !Number.isSafeInteger(rpm) || rpm < 1)) {
    throw new RangeError("policy.rpm must be null or a positive integer");
  }
  if (expiresAt !== null && (typeof expiresAt !== "number" || !Number.isSafeInteger(expiresAt) || expiresAt < 0)) {
    throw new RangeError("policy.expiresAt must be null or a non-negative integer (Unix seconds)");
  }
  if (record.v >= 2 && typeof record.fitOutput !== "boolean") throw new TypeError("policy.fitOutput must be true or false");
  if (record.v === 3) {
    checkStringList(record.origins, "origins");
    if (!(record.origins as string[]).every(isNormalOrigin)) throw new RangeError("policy.origins must hold origins in their normal form (https://host[:port], or http on loopback)");
  }
}

/** Canonical JSON of a validated policy: the exact bytes the tag covers. */
export function canonicalizePolicy(policy: Policy): string {
  assertPolicy(policy);
  return canonicalizeJson(policy);
}

function computeTag(ck: Uint8Array, policy: Policy): Uint8Array {
  assertBytes(ck, "ck", KEY_BYTES);
  const message = encodeUtf8(canonicalizePolicy(policy));
  const pk = derivePolicyKey(ck);
  try {
    return hmac(sha256, pk, message);
  } finally {
    wipeBytes(pk);
  }
}

/** tag = base64url(HMAC-SHA256(PK, canonical policy)), 43 characters. */
export function signPolicy({ ck, policy }: { ck: Uint8Array; policy: Policy }): string {
  return encodeBase64Url(computeTag(ck, policy));
}

/**
 * True only if `tag` is the tag of exactly this policy under CK (constant-time
 * compare). A malformed tag or a policy that is not a well-formed policy of a
 * known version gives false; a CK of the wrong type or size throws.
 */
export function verifyPolicy({ ck, policy, tag }: { ck: Uint8Array; policy: Policy; tag: string }): boolean {
  assertBytes(ck, "ck", KEY_BYTES);
  let given: Uint8Array;
  let expected: Uint8Array;
  try {
    given = decodeBase64Url(tag);
    expected = computeTag(ck, policy);
  } catch {
    return false;
  }
  return given.length === TAG_BYTES && equalBytes(given, expected);
}
