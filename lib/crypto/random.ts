import { wipeBytes } from "./bytes";
import { encodeBase64Url } from "./encoding";

/**
 * Randomness from the platform CSPRNG (`crypto.getRandomValues`), available
 * unchanged in browsers, workerd and Node >= 19.
 */
export const CONNECTION_ID_BYTES = 16;
export const KEY_BYTES = 32;
export const SALT_BYTES = 16;

// getRandomValues refuses more than 65536 bytes per call (WebCrypto §10.1.1).
const MAX_CHUNK = 65536;

/** `n` random bytes. */
export function randomBytes(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError("n must be a non-negative integer");
  const cryptoApi = globalThis.crypto;
  if (cryptoApi === undefined || typeof cryptoApi.getRandomValues !== "function") {
    throw new Error("crypto.getRandomValues is not available on this platform");
  }
  const out = new Uint8Array(n);
  for (let offset = 0; offset < n; offset += MAX_CHUNK) {
    cryptoApi.getRandomValues(out.subarray(offset, Math.min(n, offset + MAX_CHUNK)));
  }
  return out;
}

/** A fresh 16-byte connection id. */
export function newConnectionId(): Uint8Array {
  return randomBytes(CONNECTION_ID_BYTES);
}

/** A fresh 32-byte key (VK, CK, or a token secret K). */
export function newKey(): Uint8Array {
  return randomBytes(KEY_BYTES);
}

/** A fresh 16-byte Argon2id salt. */
export function newSalt(): Uint8Array {
  return randomBytes(SALT_BYTES);
}

/** `n` random bytes as unpadded base64url (codes, PKCE verifiers, states); the bytes are wiped. */
export function randomBase64Url(n: number): string {
  const bytes = randomBytes(n);
  try {
    return encodeBase64Url(bytes);
  } finally {
    wipeBytes(bytes);
  }
}
