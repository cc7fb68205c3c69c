// What a page makes for one authorization: a PKCE verifier and its S256 challenge, and the app's
// X25519 key pair. The private key is a non-extractable WebCrypto key where the browser has
// X25519 (Chromium, Firefox, Safari 17+; script on the page can use it but never read it), else
// 32 bytes held in this closure for @noble/curves. Either way only the shared secret leaves
// (HKDF and AES-GCM run in @noble, as on the server), and drop() forgets the key after the
// exchange: it opens one sealed secret, once.
import { x25519 } from "@noble/curves/ed25519.js";
import { wipeBytes } from "../../../lib/crypto/bytes";
import { encodeBase64Url } from "../../../lib/crypto/encoding";
import { randomBytes } from "../../../lib/crypto/random";
import { computeSharedSecret } from "../../../lib/crypto/seal";
import { challengeFromVerifier, newCodeVerifier } from "../../../lib/connect/pkce";

export type KeyKind = "webcrypto" | "noble";

export interface BrowserAuthorizationKeys {
  codeVerifier: string;
  codeChallenge: string;
  /** The X25519 public key, raw (32 bytes) and as base64url (sent as `key`). */
  publicKey: Uint8Array;
  publicKeyText: string;
  kind: KeyKind;
  /** X25519(private, peer); null when the peer key is of low order or the key was dropped. */
  deriveShared(peerPublicKey: Uint8Array): Promise<Uint8Array | null>;
  /** Forgets the private key (wipes it where it is bytes). */
  drop(): void;
}

type KeyPair = { publicKey: Uint8Array; deriveShared: (peer: Uint8Array) => Promise<Uint8Array | null>; drop: () => void };

/** A non-extractable WebCrypto X25519 key pair; null when the browser does not know X25519. */
export async function newWebCryptoKeyPair(subtle: SubtleCrypto | undefined): Promise<KeyPair | null> {
  if (!subtle) return null;
  let pair: CryptoKeyPair;
  try {
    pair = (await subtle.generateKey({ name: "X25519" }, false, ["deriveBits"])) as CryptoKeyPair;
  } catch {
    return null; // NotSupportedError (or a TypeError in older engines)
  }
  let privateKey: CryptoKey | null = pair.privateKey;
  const publicKey = new Uint8Array(await subtle.exportKey("raw", pair.publicKey));
  return {
    publicKey,
    async deriveShared(peer) {
      if (privateKey === null) return null;
      try {
        const peerKey = await subtle.importKey("raw", peer as Uint8Array<ArrayBuffer>, { name: "X25519" }, false, []);
        return new Uint8Array(await subtle.deriveBits({ name: "X25519", public: peerKey } as EcdhKeyDeriveParams, privateKey, 256));
      } catch {
        return null; // WebCrypto refuses an all-zero result (a low-order peer key) with OperationError
      }
    },
    drop() {
      privateKey = null;
    },
  };
}

/** An X25519 key pair in @noble/curves, for browsers without WebCrypto X25519. */
export function newNobleKeyPair(): KeyPair {
  let privateKey: Uint8Array | null = randomBytes(32);
  return {
    publicKey: x25519.getPublicKey(privateKey),
    async deriveShared(peer) {
      return privateKey === null ? null : computeSharedSecret(privateKey, peer);
    },
    drop() {
      if (privateKey) wipeBytes(privateKey);
      privateKey = null;
    },
  };
}

export async function newBrowserKeys({ subtle = globalThis.crypto?.subtle }: { subtle?: SubtleCrypto } = {}): Promise<BrowserAuthorizationKeys> {
  const codeVerifier = newCodeVerifier();
  const webCrypto = await newWebCryptoKeyPair(subtle);
  const pair = webCrypto ?? newNobleKeyPair();
  return {
    codeVerifier,
    codeChallenge: challengeFromVerifier(codeVerifier),
    publicKey: pair.publicKey,
    publicKeyText: encodeBase64Url(pair.publicKey),
    kind: webCrypto ? "webcrypto" : "noble",
    deriveShared: pair.deriveShared,
    drop: pair.drop,
  };
}
