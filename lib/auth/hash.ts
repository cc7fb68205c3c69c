import { sha256 } from "@noble/hashes/sha2.js";
import { bytesToHex, utf8ToBytes } from "@noble/hashes/utils.js";

/** SHA-256 as lowercase hex: what Auth.js stores for email tokens, and what we store for session tokens. */
export function sha256Hex(text: string): string {
  return bytesToHex(sha256(utf8ToBytes(text)));
}

/** The stored form of a sign-in code, exactly as Auth.js computes it (SHA-256 of token ‖ secret). */
export function hashSignInToken({ token, secret }: { token: string; secret: string }): string {
  return sha256Hex(`${token}${secret}`);
}

/** Constant-time equality of two strings of hex (or any ASCII). */
export function equalsConstantTime(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i += 1) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
