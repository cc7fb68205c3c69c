/**
 * The two codes of device authorization (RFC 8628 §3.2, §6.1; decision 021).
 *
 * - **device_code**: 32 random bytes in base64url (43 characters, 256 bits), held by the
 *   program only; stored as hex(SHA-256(UTF-8("1relay/v1/device-code") ‖ UTF-8(code))), like
 *   authorization codes (a plain hash suffices for a 256-bit random value).
 * - **user_code**: 8 characters from the 20 consonants B C D F G H J K L M N P Q R S T V W X Z
 *   (RFC 8628 §6.1's example alphabet: no vowels, so no words; no digits, so nothing to confuse),
 *   20^8 ≈ 2^34.6 codes, shown as `XXXX-XXXX`. Typed input is case-insensitive and ignores
 *   spaces and dashes. It is short-lived and guessing is limited per client address; it is
 *   stored as hex(HMAC-SHA256(key = UTF-8(AUTH_SECRET), "1relay/v1/user-code" ‖ code)) so a
 *   database copy alone does not list the codes waiting for approval.
 */
import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes, wipeBytes } from "../crypto/bytes";
import { encodeHex, encodeUtf8 } from "../crypto/encoding";
import { randomBase64Url, randomBytes } from "../crypto/random";
import { hashWithPrefix } from "./codes";

export const USER_CODE_ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";
export const USER_CODE_LENGTH = 8;
export const DEVICE_CODE_PREFIX = "1relay/v1/device-code";
export const USER_CODE_PREFIX = "1relay/v1/user-code";
/** 32 random bytes in base64url. */
export const DEVICE_CODE_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/** The largest multiple of 20 below 256: bytes at or above it are drawn again (no modulo bias). */
const UNBIASED_LIMIT = 240;

/** A fresh device code. */
export function newDeviceCode(): string {
  return randomBase64Url(32);
}

/** A fresh user code in canonical form (8 letters, no dash), drawn uniformly. */
export function newUserCode(random: (n: number) => Uint8Array = randomBytes): string {
  let code = "";
  while (code.length < USER_CODE_LENGTH) {
    const bytes = random(16);
    for (const byte of bytes) if (byte < UNBIASED_LIMIT && code.length < USER_CODE_LENGTH) code += USER_CODE_ALPHABET[byte % 20];
    bytes.fill(0);
  }
  return code;
}

/** What a person typed ("wdjb mjht", "WDJB-MJHT") as the canonical code, or null when it cannot be one. */
export function normalizeUserCode(input: unknown): string | null {
  if (typeof input !== "string" || input.length > 40) return null;
  const cleaned = input.toUpperCase().replace(/[\s-]/g, "");
  if (cleaned.length !== USER_CODE_LENGTH) return null;
  for (const ch of cleaned) if (!USER_CODE_ALPHABET.includes(ch)) return null;
  return cleaned;
}

/** "WDJBMJHT" → "WDJB-MJHT". */
export function formatUserCode(code: string): string {
  if (normalizeUserCode(code) !== code) throw new RangeError("not a canonical user code");
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** The stored form of a device code. */
export function hashDeviceCode(code: string): string {
  if (typeof code !== "string" || !DEVICE_CODE_PATTERN.test(code)) throw new RangeError("not a device code");
  return hashWithPrefix({ prefix: DEVICE_CODE_PREFIX, value: code, name: "device code" });
}

/** The stored form of a canonical user code, keyed with the server's AUTH_SECRET. */
export function hashUserCode({ code, secret }: { code: string; secret: string }): string {
  if (normalizeUserCode(code) !== code) throw new RangeError("not a canonical user code");
  if (typeof secret !== "string" || secret.length < 32) throw new RangeError("secret must be at least 32 characters");
  const key = encodeUtf8(secret);
  const digest = hmac(sha256, key, concatBytes(encodeUtf8(USER_CODE_PREFIX), encodeUtf8(code)));
  try {
    return encodeHex(digest);
  } finally {
    wipeBytes(key, digest);
  }
}
