/**
 * PKCE with S256 only (RFC 7636; OAuth 2.1 §4.1.1 and the security model:
 * `plain` is refused).
 *   code_verifier  = 43–128 characters of [A-Za-z0-9-._~]        (RFC 7636 §4.1)
 *   code_challenge = BASE64URL(SHA256(ASCII(code_verifier)))      (RFC 7636 §4.2)
 * The challenge is always 43 base64url characters (32 bytes, no padding).
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { wipeBytes } from "../crypto/bytes";
import { equalBytes } from "../crypto/compare";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "../crypto/encoding";
import { randomBase64Url } from "../crypto/random";

const VERIFIER_PATTERN = /^[A-Za-z0-9\-._~]{43,128}$/;
const CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** True when `text` is a syntactically valid code verifier (RFC 7636 §4.1). */
export function isValidVerifier(text: unknown): text is string {
  return typeof text === "string" && VERIFIER_PATTERN.test(text);
}

/** True when `text` is 43 canonical base64url characters, the only form an S256 challenge takes. */
export function isValidChallenge(text: unknown): text is string {
  if (typeof text !== "string" || !CHALLENGE_PATTERN.test(text)) return false;
  try {
    decodeBase64Url(text); // refuses non-zero trailing bits, which no SHA-256 output produces
    return true;
  } catch {
    return false;
  }
}

/** A fresh verifier: 32 random bytes in base64url, 43 characters (RFC 7636 §4.1 recommendation). */
export function newCodeVerifier(): string {
  return randomBase64Url(32);
}

/** The S256 challenge of a verifier; RangeError if the verifier is not RFC 7636 §4.1 syntax. */
export function challengeFromVerifier(verifier: string): string {
  if (!isValidVerifier(verifier)) throw new RangeError("code verifier must be 43-128 characters of A-Z a-z 0-9 - . _ ~");
  return encodeBase64Url(sha256(encodeUtf8(verifier)));
}

/**
 * RFC 7636 §4.6: true only when SHA-256 of the verifier equals the stored
 * challenge, compared in constant time. Malformed input gives false.
 */
export function verifyPkceS256({ verifier, challenge }: { verifier: string; challenge: string }): boolean {
  if (!isValidVerifier(verifier) || !isValidChallenge(challenge)) return false;
  const expected = decodeBase64Url(challenge);
  const actual = sha256(encodeUtf8(verifier));
  try {
    return equalBytes(actual, expected);
  } finally {
    wipeBytes(actual, expected);
  }
}
