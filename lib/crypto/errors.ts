/**
 * The one error type of the crypto core for failures caused by *data*
 * (a ciphertext, envelope, sealed secret or relay token that is wrong).
 * Misuse by the caller (wrong argument type or length) throws TypeError or
 * RangeError instead, as noble does.
 *
 * Messages never contain key material, plaintext or the token itself; the
 * app maps `code` to its own responses.
 */
export type CryptoErrorCode =
  /** Wrong key, wrong AAD, or any tampering: AES-GCM tag check failed. */
  | "decrypt_failed"
  /** Not a `v1.<nonce>.<ct>` envelope (bad shape, version, base64url or length). */
  | "malformed_envelope"
  /** Not a `v1.<eph_pub>.<nonce>.<ct>` sealed secret. */
  | "malformed_sealed"
  /** An X25519 public key of low order (the shared secret would be all zero). */
  | "invalid_public_key"
  /** Relay token does not start with `1r_`. */
  | "token_bad_prefix"
  /** Relay token is not exactly 74 characters. */
  | "token_bad_length"
  /** Relay token body has a character outside 0-9A-Za-z. */
  | "token_bad_alphabet"
  /** Relay token payload is larger than 2^384 - 1. */
  | "token_overflow"
  /** Relay token CRC-32 does not match its payload. */
  | "token_bad_checksum";

export class CryptoError extends Error {
  readonly code: CryptoErrorCode;

  constructor(code: CryptoErrorCode, message: string) {
    super(message);
    this.name = "CryptoError";
    this.code = code;
  }
}

/** True when `error` is a CryptoError (optionally with the given code). */
export function isCryptoError(error: unknown, code?: CryptoErrorCode): error is CryptoError {
  return error instanceof CryptoError && (code === undefined || error.code === code);
}
