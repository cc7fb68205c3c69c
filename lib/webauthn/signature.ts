/**
 * An assertion signature over authenticatorData ‖ SHA-256(clientDataJSON) (WebAuthn L3 §7.2 steps
 * 19–20), with the credential's public key: ES256 is ECDSA P-256 / SHA-256 with a DER signature
 * (§6.5.6), high S accepted (authenticators do not normalise it); EdDSA is RFC 8032 Ed25519,
 * strictly (no ZIP-215 leniency).
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { concatBytes } from "../crypto/bytes";
import type { CredentialPublicKey } from "./cose-key";

/** The bytes an assertion signs. */
export function assertionSignedData({ authenticatorData, clientDataJSON }: { authenticatorData: Uint8Array; clientDataJSON: Uint8Array }): Uint8Array {
  return concatBytes(authenticatorData, sha256(clientDataJSON));
}

/** True only for a valid signature by `key` over `data`. Never throws on a malformed signature. */
export function verifyCredentialSignature({ key, data, signature }: { key: CredentialPublicKey; data: Uint8Array; signature: Uint8Array }): boolean {
  try {
    if (key.alg === -8) return ed25519.verify(signature, data, key.ed25519, { zip215: false });
    return p256.verify(signature, data, key.p256, { format: "der", prehash: true, lowS: false });
  } catch {
    return false;
  }
}
