/**
 * The raw AES-GCM layer (NIST SP 800-38D) over @noble/ciphers. Output is
 * ciphertext ‖ 16-byte tag. Accepts 128/192/256-bit keys so it can be
 * checked against every Wycheproof case; the product itself only goes
 * through `envelope.ts` (256-bit keys, 12-byte random nonces).
 */
import { gcm } from "@noble/ciphers/aes.js";
import { assertBytes } from "./bytes";
import { CryptoError } from "./errors";

export const GCM_TAG_BYTES = 16;
const KEY_LENGTHS = [16, 24, 32];

export type AesGcmInput = { key: Uint8Array; nonce: Uint8Array; aad: Uint8Array };

function checkInput({ key, nonce, aad }: AesGcmInput): void {
  assertBytes(key, "key");
  if (!KEY_LENGTHS.includes(key.length)) throw new RangeError("key must be 16, 24 or 32 bytes");
  assertBytes(nonce, "nonce");
  if (nonce.length === 0) throw new RangeError("nonce must not be empty");
  assertBytes(aad, "aad");
}

/** AES-GCM encryption: returns ciphertext ‖ tag. */
export function encryptAesGcm(input: AesGcmInput & { plaintext: Uint8Array }): Uint8Array {
  checkInput(input);
  assertBytes(input.plaintext, "plaintext");
  return gcm(input.key, input.nonce, input.aad).encrypt(input.plaintext);
}

/**
 * AES-GCM decryption of ciphertext ‖ tag. Any failure (tag mismatch,
 * truncated input, a nonce length the library refuses) is the single
 * CryptoError "decrypt_failed": callers learn nothing about the cause.
 */
export function decryptAesGcm(input: AesGcmInput & { ciphertext: Uint8Array }): Uint8Array {
  checkInput(input);
  assertBytes(input.ciphertext, "ciphertext");
  if (input.ciphertext.length < GCM_TAG_BYTES) throw new CryptoError("decrypt_failed", "decryption failed");
  try {
    return gcm(input.key, input.nonce, input.aad).decrypt(input.ciphertext);
  } catch {
    throw new CryptoError("decrypt_failed", "decryption failed");
  }
}
