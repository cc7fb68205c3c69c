/**
 * The one wrapper that owns nonces and AAD: every ciphertext the product
 * stores is an envelope `v1.<nonce b64url>.<ciphertext‖tag b64url>`,
 * AES-256-GCM with a fresh 12-byte random nonce (NIST SP 800-38D §8.2.2,
 * RBG-based construction) and a mandatory AAD label from `aad.ts`.
 */
import { decryptAesGcm, encryptAesGcm, GCM_TAG_BYTES } from "./aes-gcm";
import { assertBytes, assertNonEmptyString } from "./bytes";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "./encoding";
import { CryptoError } from "./errors";
import { KEY_BYTES, randomBytes } from "./random";

export const ENVELOPE_VERSION = "v1";
export const ENVELOPE_NONCE_BYTES = 12;

export type SealEnvelopeInput = { key: Uint8Array; plaintext: Uint8Array; aad: string };
export type OpenEnvelopeInput = { key: Uint8Array; envelope: string; aad: string };

function encodeAad(aad: string): Uint8Array {
  assertNonEmptyString(aad, "aad");
  return encodeUtf8(aad);
}

/** Encrypts `plaintext` under a 32-byte key, bound to `aad`. */
export function sealEnvelope({ key, plaintext, aad }: SealEnvelopeInput): string {
  assertBytes(key, "key", KEY_BYTES);
  assertBytes(plaintext, "plaintext");
  const aadBytes = encodeAad(aad);
  const nonce = randomBytes(ENVELOPE_NONCE_BYTES);
  const sealed = encryptAesGcm({ key, nonce, aad: aadBytes, plaintext });
  return `${ENVELOPE_VERSION}.${encodeBase64Url(nonce)}.${encodeBase64Url(sealed)}`;
}

/** Splits an envelope into nonce and ciphertext‖tag; CryptoError "malformed_envelope" if it is not one. */
export function parseEnvelope(envelope: string): { nonce: Uint8Array; ciphertext: Uint8Array } {
  if (typeof envelope !== "string") throw new CryptoError("malformed_envelope", "envelope must be a string");
  const parts = envelope.split(".");
  if (parts.length !== 3) throw new CryptoError("malformed_envelope", "envelope must have 3 dot-separated parts");
  const [version, nonceText, ciphertextText] = parts as [string, string, string];
  if (version !== ENVELOPE_VERSION) throw new CryptoError("malformed_envelope", "unsupported envelope version");
  let nonce: Uint8Array;
  let ciphertext: Uint8Array;
  try {
    nonce = decodeBase64Url(nonceText);
    ciphertext = decodeBase64Url(ciphertextText);
  } catch {
    throw new CryptoError("malformed_envelope", "envelope is not valid base64url");
  }
  if (nonce.length !== ENVELOPE_NONCE_BYTES) throw new CryptoError("malformed_envelope", "envelope nonce must be 12 bytes");
  if (ciphertext.length < GCM_TAG_BYTES) throw new CryptoError("malformed_envelope", "envelope ciphertext is too short");
  return { nonce, ciphertext };
}

/**
 * Decrypts an envelope. Malformed input: CryptoError "malformed_envelope".
 * Wrong key, wrong AAD or any tampering: CryptoError "decrypt_failed".
 */
export function openEnvelope({ key, envelope, aad }: OpenEnvelopeInput): Uint8Array {
  assertBytes(key, "key", KEY_BYTES);
  const aadBytes = encodeAad(aad);
  const { nonce, ciphertext } = parseEnvelope(envelope);
  return decryptAesGcm({ key, nonce, aad: aadBytes, ciphertext });
}
