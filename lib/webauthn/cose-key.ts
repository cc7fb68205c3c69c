/**
 * The credential public keys we accept, from their COSE_Key encoding (RFC 9052 §7, RFC 9053):
 * ES256, ECDSA on P-256 with SHA-256 (kty 2 EC2, alg -7, crv 1, x and y of 32 bytes), and EdDSA on
 * Ed25519 (kty 1 OKP, alg -8, crv 6, x of 32 bytes). The point must be on its curve. Any other
 * algorithm is refused: RS256 and friends are not offered when the passkey is created.
 */
import { ed25519 } from "@noble/curves/ed25519.js";
import { p256 } from "@noble/curves/nist.js";
import { decodeCbor, expectCborMap, type CborMap } from "./cbor";
import { WebAuthnError } from "./webauthn-error";

export const COSE_ALG_ES256 = -7;
export const COSE_ALG_EDDSA = -8;
/** What a passkey is created with, in order of preference (WebAuthn L3 §5.4 pubKeyCredParams). */
export const ACCEPTED_ALGORITHMS = [COSE_ALG_ES256, COSE_ALG_EDDSA] as const;

export type CredentialPublicKey = { alg: typeof COSE_ALG_ES256; p256: Uint8Array } | { alg: typeof COSE_ALG_EDDSA; ed25519: Uint8Array };

const malformed = (why: string) => new WebAuthnError("malformed", `COSE key: ${why}`);

function bytesField(map: CborMap, label: number, length: number, name: string): Uint8Array {
  const value = map.get(label);
  if (!(value instanceof Uint8Array) || value.length !== length) throw malformed(`${name} must be ${length} bytes`);
  return value;
}

function parseEc2(map: CborMap): CredentialPublicKey {
  if (map.get(-1) !== 1) throw new WebAuthnError("unsupported_algorithm", "Only the P-256 curve is accepted for ES256.");
  const point = new Uint8Array(65);
  point[0] = 0x04; // SEC 1 §2.3.3 uncompressed point
  point.set(bytesField(map, -2, 32, "x"), 1);
  point.set(bytesField(map, -3, 32, "y"), 33);
  try {
    p256.Point.fromBytes(point).assertValidity();
  } catch {
    throw malformed("the point is not on P-256");
  }
  return { alg: COSE_ALG_ES256, p256: point };
}

function parseOkp(map: CborMap): CredentialPublicKey {
  if (map.get(-1) !== 6) throw new WebAuthnError("unsupported_algorithm", "Only Ed25519 is accepted for EdDSA.");
  const x = bytesField(map, -2, 32, "x");
  try {
    ed25519.Point.fromBytes(x);
  } catch {
    throw malformed("the point is not on Ed25519");
  }
  return { alg: COSE_ALG_EDDSA, ed25519: x.slice() };
}

/** Parses a COSE_Key (as stored, or from the attested credential data). */
export function parseCoseKey(cose: Uint8Array): CredentialPublicKey {
  const map = expectCborMap(decodeCbor(cose), "a COSE key");
  const kty = map.get(1);
  const alg = map.get(3);
  if (kty === 2 && alg === COSE_ALG_ES256) return parseEc2(map);
  if (kty === 1 && alg === COSE_ALG_EDDSA) return parseOkp(map);
  throw new WebAuthnError("unsupported_algorithm", "This passkey uses a signature algorithm 1Relay does not accept (ES256 or EdDSA only).");
}
