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
import { KEY_BYTES } from "./random";

export const POLICY_VERSION = 1;
const TAG_BYTES = 32;

export type Policy = {
  /** Policy format version, always 1. */
  readonly v: 1;
  /** Provider ids the connection may use, e.g. "openai". */
  readonly providers: readonly string[];
  /** Allowed models, e.g. "anthropic:claude-sonnet-4-5"; meaning is the gateway's. */
  readonly models: readonly string[];
  /** Spending cap in US dollars, or null for none. */
  readonly budgetUsd: number | null;
  /** Requests per minute, or null for none. */
  readonly rpm: number | null;
  /** Expiry as Unix time in seconds, or null for none. */
  readonly expiresAt: number | null;
};

const POLICY_KEYS = ["budgetUsd", "expiresAt", "models", "providers", "rpm", "v"];

function checkStringList(value: unknown, name: string): void {
  if (!Array.isArray(value)) throw new TypeError(`policy.${name} must be an array`);
  for (const item of value) {
    if (typeof item !== "string" || item.length === 0) throw new TypeError(`policy.${name} must hold non-empty strings`);
  }
  if (new Set(value).size !== value.length) throw new RangeError(`policy.${name} must not repeat an entry`);
}

/** Throws TypeError/RangeError unless `policy` is a well-formed v1 policy with exactly its six fields. */
export function assertPolicy(policy: unknown): asserts policy is Policy {
  if (typeof policy !== "object" || policy === null || Array.isArray(policy)) throw new TypeError("policy must be an object");
  const record = policy as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  if (keys.length !== POLICY_KEYS.length || keys.some((key, i) => key !== POLICY_KEYS[i])) {
    throw new TypeError(`policy must have exactly the fields ${POLICY_KEYS.join(", ")}`);
  }
  if (record.v !== POLICY_VERSION) throw new RangeError("policy.v must be 1");
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
 * compare). A malformed tag or a policy that is not a well-formed v1 policy
 * gives false; a CK of the wrong type or size throws.
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
