/**
 * Sealing the token secret K to an app's X25519 key (security model, "App
 * authorization"), so the server that relays it cannot open it:
 *   eph = fresh X25519 key pair; shared = X25519(eph, appKey) (RFC 7748 §6.1)
 *   wrap key = HKDF-SHA256(shared, salt = eph_pub ‖ appKey, info = "1relay/v1/seal") (RFC 5869)
 *   ct = AES-256-GCM(wrap key, 12-byte random nonce, K, AAD = 1relay/v1/seal/<clientId>/<connectionId>)
 *   sealed = `v1.<eph_pub b64url>.<nonce b64url>.<ct‖tag b64url>`
 * Low-order public keys (all-zero shared secret) are refused.
 */
import { x25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { buildSealAad } from "./aad";
import { decryptAesGcm, encryptAesGcm, GCM_TAG_BYTES } from "./aes-gcm";
import { assertBytes, concatBytes, wipeBytes } from "./bytes";
import type { ConnectionIdInput } from "./connection-id";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "./encoding";
import { CryptoError } from "./errors";
import { KEY_BYTES, randomBytes } from "./random";

export const SEAL_VERSION = "v1";
export const SEAL_INFO = "1relay/v1/seal";
export const X25519_KEY_BYTES = 32;
const NONCE_BYTES = 12;

export type SealContext = { clientId: string; connectionId: ConnectionIdInput };

/** A fresh X25519 key pair for an app (RFC 7748 §6.1); the app keeps privateKey. */
export function newAppKeyPair(): { privateKey: Uint8Array; publicKey: Uint8Array } {
  const privateKey = randomBytes(X25519_KEY_BYTES);
  return { privateKey, publicKey: x25519.getPublicKey(privateKey) };
}

/** X25519(private, public), or null for a low-order public key (RFC 7748 §6.1). */
export function computeSharedSecret(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array | null {
  let shared: Uint8Array;
  try {
    shared = x25519.getSharedSecret(privateKey, publicKey);
  } catch {
    return null; // noble refuses the low-order points before the ladder
  }
  if (shared.every((byte) => byte === 0)) return null; // RFC 7748 §6.1 all-zero check
  return shared;
}

function deriveSealKey(shared: Uint8Array, ephemeralPublicKey: Uint8Array, appPublicKey: Uint8Array, info: string): Uint8Array {
  return hkdf(sha256, shared, concatBytes(ephemeralPublicKey, appPublicKey), encodeUtf8(info), KEY_BYTES);
}

/** Decodes an app's base64url public key and refuses low-order points. */
export function parseAppPublicKey(text: string): Uint8Array {
  let key: Uint8Array;
  try {
    key = decodeBase64Url(text);
  } catch {
    throw new CryptoError("invalid_public_key", "app public key is not valid base64url");
  }
  if (key.length !== X25519_KEY_BYTES) throw new CryptoError("invalid_public_key", "app public key must be 32 bytes");
  const probe = randomBytes(X25519_KEY_BYTES);
  const shared = computeSharedSecret(probe, key);
  wipeBytes(probe, shared ?? undefined);
  if (shared === null) throw new CryptoError("invalid_public_key", "app public key is a low-order point");
  return key;
}

/**
 * Seals a 32-byte secret to an X25519 public key with an ephemeral key pair, under HKDF `info`
 * and an AAD naming what it is and whose (the domain): `v1.<eph_pub>.<nonce>.<ct‖tag>`.
 */
export function sealToPublicKey({ recipientPublicKey, secret, info, aad }: { recipientPublicKey: Uint8Array; secret: Uint8Array; info: string; aad: string }): string {
  assertBytes(recipientPublicKey, "recipientPublicKey", X25519_KEY_BYTES);
  assertBytes(secret, "secret", KEY_BYTES);
  const ephemeralPrivateKey = randomBytes(X25519_KEY_BYTES);
  const ephemeralPublicKey = x25519.getPublicKey(ephemeralPrivateKey);
  const shared = computeSharedSecret(ephemeralPrivateKey, recipientPublicKey);
  wipeBytes(ephemeralPrivateKey);
  if (shared === null) throw new CryptoError("invalid_public_key", "public key is a low-order point");
  const wrapKey = deriveSealKey(shared, ephemeralPublicKey, recipientPublicKey, info);
  try {
    const nonce = randomBytes(NONCE_BYTES);
    const ciphertext = encryptAesGcm({ key: wrapKey, nonce, aad: encodeUtf8(aad), plaintext: secret });
    return [SEAL_VERSION, ephemeralPublicKey, nonce, ciphertext]
      .map((part) => (typeof part === "string" ? part : encodeBase64Url(part)))
      .join(".");
  } finally {
    wipeBytes(shared, wrapKey);
  }
}

/** Seals the 32-byte secret K to the app's public key, bound to clientId and connectionId. */
export function sealToApp(input: SealContext & { appPublicKey: Uint8Array; secret: Uint8Array }): string {
  return sealToPublicKey({ recipientPublicKey: input.appPublicKey, secret: input.secret, info: SEAL_INFO, aad: buildSealAad(input) });
}

/** The parts of `v1.<eph_pub>.<nonce>.<ct‖tag>`, each checked for length. */
export function parseSealed(sealed: string): { ephemeralPublicKey: Uint8Array; nonce: Uint8Array; ciphertext: Uint8Array } {
  if (typeof sealed !== "string") throw new CryptoError("malformed_sealed", "sealed secret must be a string");
  const parts = sealed.split(".");
  if (parts.length !== 4 || parts[0] !== SEAL_VERSION) {
    throw new CryptoError("malformed_sealed", "sealed secret must look like v1.<eph_pub>.<nonce>.<ct>");
  }
  let decoded: Uint8Array[];
  try {
    decoded = parts.slice(1).map(decodeBase64Url);
  } catch {
    throw new CryptoError("malformed_sealed", "sealed secret is not valid base64url");
  }
  const [ephemeralPublicKey, nonce, ciphertext] = decoded as [Uint8Array, Uint8Array, Uint8Array];
  if (ephemeralPublicKey.length !== X25519_KEY_BYTES || nonce.length !== NONCE_BYTES || ciphertext.length !== KEY_BYTES + GCM_TAG_BYTES) {
    throw new CryptoError("malformed_sealed", "sealed secret has a part of the wrong length");
  }
  return { ephemeralPublicKey, nonce, ciphertext };
}

/**
 * The second half of opening, from the X25519 shared secret on (HKDF, then AES-GCM): for a
 * recipient whose private key cannot leave its keystore (a non-extractable WebCrypto key in a
 * page), which computes `shared` itself. Wipes `shared`; the caller wipes the result.
 */
export function openSealedFromShared({ shared, recipientPublicKey, sealed, info, aad }: { shared: Uint8Array | null; recipientPublicKey: Uint8Array; sealed: string; info: string; aad: string }): Uint8Array {
  let wrapKey: Uint8Array | undefined;
  try {
    assertBytes(recipientPublicKey, "recipientPublicKey", X25519_KEY_BYTES);
    const { ephemeralPublicKey, nonce, ciphertext } = parseSealed(sealed);
    if (shared === null || shared.length !== X25519_KEY_BYTES || shared.every((byte) => byte === 0)) throw new CryptoError("decrypt_failed", "decryption failed");
    wrapKey = deriveSealKey(shared, ephemeralPublicKey, recipientPublicKey, info);
    return decryptAesGcm({ key: wrapKey, nonce, aad: encodeUtf8(aad), ciphertext });
  } finally {
    wipeBytes(shared ?? undefined, wrapKey);
  }
}

/** Opens what sealToPublicKey made, with the recipient's private key (the caller wipes the result). */
export function openSealedWith({ privateKey, sealed, info, aad }: { privateKey: Uint8Array; sealed: string; info: string; aad: string }): Uint8Array {
  assertBytes(privateKey, "privateKey", X25519_KEY_BYTES);
  const { ephemeralPublicKey } = parseSealed(sealed);
  const shared = computeSharedSecret(privateKey, ephemeralPublicKey);
  return openSealedFromShared({ shared, recipientPublicKey: x25519.getPublicKey(privateKey), sealed, info, aad });
}

/**
 * Opens a sealed secret with the app's private key; returns K (the caller
 * wipes it). Wrong key, clientId, connectionId or any tampering:
 * CryptoError "decrypt_failed".
 */
export function openSealed(input: SealContext & { appPrivateKey: Uint8Array; sealed: string }): Uint8Array {
  return openSealedWith({ privateKey: input.appPrivateKey, sealed: input.sealed, info: SEAL_INFO, aad: buildSealAad(input) });
}
