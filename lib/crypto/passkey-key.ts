/**
 * Passkey unlock (security model v1.1, "Passkey unlock (WebAuthn PRF)"): the WebAuthn PRF output of
 * a passkey, evaluated in the browser with that credential's random salt, gives the key that wraps
 * VK for it.
 *   PRK = HKDF-SHA256(ikm = prf, salt = credentialId bytes, info = "1relay/v1/passkey"), 32 bytes
 * (RFC 5869 §2.2 extract with the salt, §2.3 expand with the info). `prf` is the 32-byte
 * `results.first` of the `prf` extension (WebAuthn L3 §10.1.4); the credential id is the raw
 * credential id, the bytes whose unpadded base64url is the credential's `id`.
 */
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { assertBytes } from "./bytes";
import { decodeBase64Url, encodeUtf8 } from "./encoding";
import { KEY_BYTES } from "./random";

export const PASSKEY_INFO = "1relay/v1/passkey";
/** The PRF extension's output (`results.first`) is 32 bytes (WebAuthn L3 §10.1.4, CTAP2 hmac-secret). */
export const PRF_OUTPUT_BYTES = 32;
/** A passkey's PRF salt: 32 random bytes drawn per credential. */
export const PRF_SALT_BYTES = 32;
/** WebAuthn credential ids: at least 16 bytes (§6.1 "at least 100 bits of entropy"), at most 1023 (§5.1). */
export const CREDENTIAL_ID_MIN_BYTES = 16;
export const CREDENTIAL_ID_MAX_BYTES = 1023;

/** The raw bytes of a credential id given as unpadded base64url; RangeError outside 16–1023 bytes. */
export function decodeCredentialId(credentialId: string): Uint8Array {
  if (typeof credentialId !== "string") throw new TypeError("credentialId must be a string");
  const bytes = decodeBase64Url(credentialId);
  if (bytes.length < CREDENTIAL_ID_MIN_BYTES || bytes.length > CREDENTIAL_ID_MAX_BYTES) {
    throw new RangeError(`credentialId must be ${CREDENTIAL_ID_MIN_BYTES}–${CREDENTIAL_ID_MAX_BYTES} bytes, got ${bytes.length}`);
  }
  return bytes;
}

/** PRK for one passkey, from its PRF output. The caller wipes the PRF output and the result. */
export function derivePasskeyWrapKey({ prfOutput, credentialId }: { prfOutput: Uint8Array; credentialId: string }): Uint8Array {
  assertBytes(prfOutput, "prfOutput", PRF_OUTPUT_BYTES);
  return hkdf(sha256, prfOutput, decodeCredentialId(credentialId), encodeUtf8(PASSKEY_INFO), KEY_BYTES);
}
