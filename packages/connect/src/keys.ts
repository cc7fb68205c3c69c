// What a program or an app's server makes for one authorization: a PKCE verifier and its S256
// challenge (RFC 7636), and an X25519 key pair whose public half the person's browser seals the
// token's secret to (security model, "Consent"). The private key and the verifier stay with the
// caller; only the public key and the challenge travel.
import { x25519 } from "@noble/curves/ed25519.js";
import { wipeBytes } from "../../../lib/crypto/bytes";
import { encodeBase64Url } from "../../../lib/crypto/encoding";
import { randomBase64Url, randomBytes } from "../../../lib/crypto/random";
import { challengeFromVerifier, newCodeVerifier } from "../../../lib/connect/pkce";

export interface AuthorizationKeys {
  codeVerifier: string;
  codeChallenge: string;
  /** base64url X25519 public key (43 characters), sent as `key`. */
  publicKey: string;
  /** base64url X25519 private key: keep it secret, with the verifier. */
  privateKey: string;
}

export function newAuthorizationKeys(): AuthorizationKeys {
  const codeVerifier = newCodeVerifier();
  const privateKey = randomBytes(32);
  try {
    return { codeVerifier, codeChallenge: challengeFromVerifier(codeVerifier), publicKey: encodeBase64Url(x25519.getPublicKey(privateKey)), privateKey: encodeBase64Url(privateKey) };
  } finally {
    wipeBytes(privateKey);
  }
}

/** 32 random bytes in base64url (a `state`). */
export const randomToken = (): string => randomBase64Url(32);
