import { x25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it, vi } from "vitest";
import { decodeBase64Url, encodeHex } from "../../../lib/crypto/encoding";
import { randomBytes } from "../../../lib/crypto/random";
import { verifyPkceS256 } from "../../../lib/connect/pkce";
import { newBrowserKeys } from "./browser-keys.js";

const subtle = globalThis.crypto.subtle;

/** The real WebCrypto, recording the key pairs it makes. */
function recordingSubtle() {
  const made: { extractable: boolean; pair: CryptoKeyPair }[] = [];
  const wrapped = Object.create(subtle) as SubtleCrypto;
  wrapped.generateKey = (async (algorithm: AlgorithmIdentifier, extractable: boolean, usages: KeyUsage[]) => {
    const pair = (await subtle.generateKey(algorithm, extractable, usages)) as CryptoKeyPair;
    made.push({ extractable, pair });
    return pair;
  }) as SubtleCrypto["generateKey"];
  for (const name of ["exportKey", "importKey", "deriveBits"] as const) (wrapped as unknown as Record<string, unknown>)[name] = subtle[name].bind(subtle);
  return { subtle: wrapped, made };
}

/** A WebCrypto without X25519 (as in browsers before it shipped). */
const noX25519 = { generateKey: vi.fn(async () => Promise.reject(new DOMException("Unrecognized name", "NotSupportedError"))) } as unknown as SubtleCrypto;

const LOW_ORDER_POINT = new Uint8Array(32); // the all-zero u-coordinate: X25519 with it is all zero

describe("newBrowserKeys", () => {
  it("keeps the private key in WebCrypto, non-extractable, where the browser has X25519", async () => {
    const { subtle: recording, made } = recordingSubtle();
    const keys = await newBrowserKeys({ subtle: recording });
    expect(keys.kind).toBe("webcrypto");
    expect(made).toHaveLength(1);
    expect(made[0]!.extractable).toBe(false);
    await expect(subtle.exportKey("raw", made[0]!.pair.privateKey)).rejects.toThrow();
    await expect(subtle.exportKey("pkcs8", made[0]!.pair.privateKey)).rejects.toThrow();
    expect(encodeHex(decodeBase64Url(keys.publicKeyText))).toBe(encodeHex(keys.publicKey));
  });

  for (const [name, options] of [
    ["webcrypto", { subtle }],
    ["noble", { subtle: noX25519 }],
  ] as const) {
    it(`${name}: the shared secret is X25519's (RFC 7748), then nothing once dropped`, async () => {
      const keys = await newBrowserKeys(options);
      expect(keys.kind).toBe(name);
      const peer = randomBytes(32);
      const expected = x25519.getSharedSecret(peer, keys.publicKey);
      expect(encodeHex((await keys.deriveShared(x25519.getPublicKey(peer)))!)).toBe(encodeHex(expected));
      expect(await keys.deriveShared(LOW_ORDER_POINT)).toBeNull();
      keys.drop();
      expect(await keys.deriveShared(x25519.getPublicKey(peer))).toBeNull();
    });
  }

  it("draws a PKCE verifier whose S256 challenge it sends, and fresh keys every time", async () => {
    const a = await newBrowserKeys();
    const b = await newBrowserKeys();
    expect(verifyPkceS256({ verifier: a.codeVerifier, challenge: a.codeChallenge })).toBe(true);
    expect(a.codeVerifier).not.toBe(b.codeVerifier);
    expect(a.publicKeyText).not.toBe(b.publicKeyText);
    expect(a.publicKeyText).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
