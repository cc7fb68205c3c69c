/**
 * Authorization codes, client ids and client secrets (security model, "App
 * authorization"). Codes and secrets are stored only as domain-separated
 * SHA-256 hashes in lowercase hex:
 *   hashCode(code)           = hex(SHA-256(UTF-8("1relay/v1/auth-code")     ‖ UTF-8(code)))
 *   hashClientSecret(secret) = hex(SHA-256(UTF-8("1relay/v1/client-secret") ‖ UTF-8(secret)))
 * (no separator, like the token verifier). A plain hash is enough: both are
 * 256-bit random values, not passwords (RFC 6819 §5.1.4.1.3).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, wipeBytes } from "../crypto/bytes";
import { equalBytes } from "../crypto/compare";
import { decodeHex, encodeHex, encodeUtf8 } from "../crypto/encoding";
import { randomBase64Url, randomBytes } from "../crypto/random";

/** A code lives at most 60 seconds (RFC 6749 §4.1.2 recommends at most 10 minutes). */
export const AUTH_CODE_TTL_MS = 60_000;
export const AUTH_CODE_PREFIX = "1relay/v1/auth-code";
export const CLIENT_SECRET_PREFIX = "1relay/v1/client-secret";

/** 32 random bytes in base64url: 43 characters, 256 bits (≥ 128 required). */
export const AUTH_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
/** `app_` + 24 lowercase hex characters (12 random bytes; client ids are public, unique, not secret). */
export const CLIENT_ID_PATTERN = /^app_[0-9a-f]{24}$/;
/**
 * What request parsers accept as a client id: any id we could have issued
 * (CLIENT_ID_PATTERN today, shorter ids for seeded demo apps), never "/" (it
 * goes into the seal AAD). The database lookup decides whether it exists.
 */
export const CLIENT_ID_SYNTAX = /^[A-Za-z0-9_-]{1,64}$/;
/** `1rs_` + 43 base64url characters (32 random bytes). */
export const CLIENT_SECRET_PATTERN = /^1rs_[A-Za-z0-9_-]{43}$/;
const HASH_PATTERN = /^[0-9a-f]{64}$/;
const MAX_HASH_INPUT = 512;

/** hex(SHA-256(UTF-8(prefix) ‖ UTF-8(value))): the stored form of a random code or secret. */
export function hashWithPrefix({ prefix, value, name }: { prefix: string; value: string; name: string }): string {
  if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
  if (value.length === 0 || value.length > MAX_HASH_INPUT) throw new RangeError(`${name} must be 1-${MAX_HASH_INPUT} characters`);
  const input = concatBytes(encodeUtf8(prefix), encodeUtf8(value));
  const digest = sha256(input);
  try {
    return encodeHex(digest);
  } finally {
    wipeBytes(input, digest);
  }
}

/** A fresh authorization code. */
export function newAuthorizationCode(): string {
  return randomBase64Url(32);
}

/** The stored form of an authorization code. */
export function hashCode(code: string): string {
  return hashWithPrefix({ prefix: AUTH_CODE_PREFIX, value: code, name: "code" });
}

/** A fresh client id. */
export function newClientId(): string {
  return "app_" + encodeHex(randomBytes(12));
}

/** A fresh client secret, shown to the developer once. */
export function newClientSecret(): string {
  return "1rs_" + randomBase64Url(32);
}

/** The stored form of a client secret. */
export function hashClientSecret(secret: string): string {
  return hashWithPrefix({ prefix: CLIENT_SECRET_PREFIX, value: secret, name: "secret" });
}

/** Constant-time check of a presented client secret against its stored hash; malformed input gives false. */
export function verifyClientSecret({ secret, storedHash }: { secret: string; storedHash: string }): boolean {
  if (typeof secret !== "string" || !CLIENT_SECRET_PATTERN.test(secret)) return false;
  if (typeof storedHash !== "string" || !HASH_PATTERN.test(storedHash)) return false;
  const actual = decodeHex(hashClientSecret(secret));
  const expected = decodeHex(storedHash);
  return equalBytes(actual, expected);
}
