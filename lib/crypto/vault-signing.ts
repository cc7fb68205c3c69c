/**
 * The vault signing key (security model v1.1, "Vault signing key"): proof that a request comes
 * from a browser holding the unlocked vault key, so that a session cookie alone cannot loosen a
 * limit or replace vault material.
 *   VSK = Ed25519 seed HKDF-SHA256(ikm = VK, info = "1relay/v1/vault-sign")   (RFC 5869, no salt)
 *   signature = Ed25519(VSK, canonical JSON {action, accountId, params, nonce})  (RFC 8032 §5.1.6)
 * The public key (32 bytes) is stored with the vault; keys and signatures travel as unpadded
 * base64url (43 and 86 characters). Verification is RFC 8032's strict one (no ZIP-215 leniency).
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { assertBytes, assertNonEmptyString, wipeBytes } from "./bytes";
import { canonicalizeJson, type JsonValue } from "./canonical-json";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "./encoding";
import { KEY_BYTES } from "./random";

export const VAULT_SIGN_INFO = "1relay/v1/vault-sign";
export const VAULT_SIGNING_PUBLIC_KEY_BYTES = 32;
export const VAULT_SIGNATURE_BYTES = 64;

/** What a vault signature covers: the action, the account, its parameters and a single-use server nonce. */
export interface VaultSignedRequest {
  action: string;
  accountId: string;
  params: JsonValue;
  nonce: string;
}

/** VSK, the 32-byte Ed25519 seed derived from VK. The caller wipes it. */
export function deriveVaultSigningSeed(vaultKey: Uint8Array): Uint8Array {
  assertBytes(vaultKey, "vaultKey", KEY_BYTES);
  return hkdf(sha256, vaultKey, undefined, encodeUtf8(VAULT_SIGN_INFO), KEY_BYTES);
}

/** The vault's signing public key, base64url (what the server stores with the vault). */
export function deriveVaultSigningPublicKey(vaultKey: Uint8Array): string {
  const seed = deriveVaultSigningSeed(vaultKey);
  try {
    return encodeBase64Url(ed25519.getPublicKey(seed));
  } finally {
    wipeBytes(seed);
  }
}

/** The exact bytes signed: canonical JSON of {action, accountId, params, nonce}, UTF-8. */
export function vaultSignedMessage({ action, accountId, params, nonce }: VaultSignedRequest): Uint8Array {
  assertNonEmptyString(action, "action");
  assertNonEmptyString(accountId, "accountId");
  assertNonEmptyString(nonce, "nonce");
  return encodeUtf8(canonicalizeJson({ action, accountId, params, nonce }));
}

/** Signs a request with the VSK derived from `vaultKey`; returns the signature, base64url. */
export function signVaultRequest({ vaultKey, ...request }: VaultSignedRequest & { vaultKey: Uint8Array }): string {
  const message = vaultSignedMessage(request);
  const seed = deriveVaultSigningSeed(vaultKey);
  try {
    return encodeBase64Url(ed25519.sign(message, seed));
  } finally {
    wipeBytes(seed);
  }
}

/** True only for a valid signature by `publicKey` over exactly this request. Never throws on bad input. */
export function verifyVaultSignature({ publicKey, signature, ...request }: VaultSignedRequest & { publicKey: string; signature: string }): boolean {
  try {
    const key = decodeBase64Url(publicKey);
    const sig = decodeBase64Url(signature);
    if (key.length !== VAULT_SIGNING_PUBLIC_KEY_BYTES || sig.length !== VAULT_SIGNATURE_BYTES) return false;
    return ed25519.verify(sig, vaultSignedMessage(request), key, { zip215: false });
  } catch {
    return false;
  }
}
