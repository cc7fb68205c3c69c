/**
 * Keys derived from random secrets (HKDF-SHA256, RFC 5869) and the token
 * verifier (SHA-256, FIPS 180-4). All inputs here are full-entropy 32-byte
 * secrets, so no stretching is needed.
 */
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { assertBytes, concatBytes, wipeBytes } from "./bytes";
import { equalBytes } from "./compare";
import { type ConnectionIdInput, toConnectionIdBytes } from "./connection-id";
import { encodeUtf8 } from "./encoding";
import { KEY_BYTES } from "./random";

export const TOKEN_WRAP_INFO = "1relay/v1/token-wrap";
export const POLICY_INFO = "1relay/v1/policy";
export const VERIFY_PREFIX = "1relay/v1/verify";
export const VERIFIER_BYTES = 32;

/**
 * TK = HKDF-SHA256(ikm = K, salt = connectionId bytes, info = "1relay/v1/token-wrap"), 32 bytes.
 * RFC 5869 §2.2 (extract with the salt) then §2.3 (expand with the info).
 */
export function deriveTokenWrapKey({ secret, connectionId }: { secret: Uint8Array; connectionId: ConnectionIdInput }): Uint8Array {
  assertBytes(secret, "secret", KEY_BYTES);
  const salt = toConnectionIdBytes(connectionId);
  try {
    return hkdf(sha256, secret, salt, encodeUtf8(TOKEN_WRAP_INFO), KEY_BYTES);
  } finally {
    wipeBytes(salt);
  }
}

/**
 * PK = HKDF-SHA256(ikm = CK, no salt, info = "1relay/v1/policy"), 32 bytes.
 * No salt means HashLen zero bytes (RFC 5869 §2.2).
 */
export function derivePolicyKey(connectionKey: Uint8Array): Uint8Array {
  assertBytes(connectionKey, "connectionKey", KEY_BYTES);
  return hkdf(sha256, connectionKey, undefined, encodeUtf8(POLICY_INFO), KEY_BYTES);
}

/** verifier = SHA-256("1relay/v1/verify" ‖ K): what the server stores instead of K. */
export function computeVerifier(secret: Uint8Array): Uint8Array {
  assertBytes(secret, "secret", KEY_BYTES);
  const input = concatBytes(encodeUtf8(VERIFY_PREFIX), secret);
  try {
    return sha256(input);
  } finally {
    wipeBytes(input);
  }
}

/** Constant-time check of a token secret against a stored verifier. */
export function checkVerifier({ secret, verifier }: { secret: Uint8Array; verifier: Uint8Array }): boolean {
  assertBytes(verifier, "verifier", VERIFIER_BYTES);
  return equalBytes(computeVerifier(secret), verifier);
}
