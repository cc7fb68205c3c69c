import { x25519 } from "@noble/curves/ed25519.js";
import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import { assembleRelayToken } from "./assemble-token";
import { decodeBase64Url, decodeHex, encodeBase64Url, encodeHex } from "./encoding";
import { newConnectionId, newKey } from "./random";
import { parseRelayToken } from "./relay-token";
import { buildSealAad } from "./aad";
import { newAppKeyPair, openSealed, openSealedFromShared, parseAppPublicKey, parseSealed, SEAL_INFO, sealToApp } from "./seal";

const v = core.seal;
const decryptFailed = expect.objectContaining({ name: "CryptoError", code: "decrypt_failed" });
const malformed = expect.objectContaining({ name: "CryptoError", code: "malformed_sealed" });
const invalidKey = expect.objectContaining({ name: "CryptoError", code: "invalid_public_key" });

// Low-order X25519 u-coordinates (little-endian), as listed by libsodium and
// https://cr.yp.to/ecdh.html#validate: 0, 1, the two order-8 points, p-1, and
// the non-canonical p and p+1 (RFC 7748 §6.1 says to check for an all-zero result).
const LOW_ORDER = [
  "0000000000000000000000000000000000000000000000000000000000000000",
  "0100000000000000000000000000000000000000000000000000000000000000",
  "e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800",
  "5f9c95bca3508c24b1d0b1559c83ef5b04445cc4581c8e86d8224eddd09f1157",
  "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  // The same with bit 255 set, which X25519 ignores (RFC 7748 §5).
  "0000000000000000000000000000000000000000000000000000000000000080",
  "0100000000000000000000000000000000000000000000000000000000000080",
];

function setup() {
  const app = newAppKeyPair();
  const secret = newKey();
  const context = { clientId: "app_demo", connectionId: newConnectionId() };
  const sealed = sealToApp({ appPublicKey: app.publicKey, secret, ...context });
  return { app, secret, context, sealed };
}

describe("sealing K to an app", () => {
  it("opens a value sealed by an independent implementation (pyca/cryptography)", () => {
    const appPrivateKey = decodeHex(v.appPrivateKeyHex);
    expect(encodeHex(x25519.getPublicKey(appPrivateKey))).toBe(v.appPublicKeyHex);
    const secret = openSealed({ appPrivateKey, sealed: v.sealed, clientId: v.clientId, connectionId: v.connectionIdHex });
    expect(encodeHex(secret)).toBe(v.secretHex);
  });

  it("opens the pyca vector from the shared secret alone (a key that never leaves WebCrypto), and wipes that secret", () => {
    const appPrivateKey = decodeHex(v.appPrivateKeyHex);
    const aad = buildSealAad({ clientId: v.clientId, connectionId: v.connectionIdHex });
    const shared = x25519.getSharedSecret(appPrivateKey, parseSealed(v.sealed).ephemeralPublicKey);
    const secret = openSealedFromShared({ shared, recipientPublicKey: x25519.getPublicKey(appPrivateKey), sealed: v.sealed, info: SEAL_INFO, aad });
    expect(encodeHex(secret)).toBe(v.secretHex);
    expect(shared.every((b) => b === 0)).toBe(true);
    const again = x25519.getSharedSecret(appPrivateKey, parseSealed(v.sealed).ephemeralPublicKey);
    expect(() => openSealedFromShared({ shared: again, recipientPublicKey: x25519.getPublicKey(appPrivateKey), sealed: "v1.bad", info: SEAL_INFO, aad })).toThrow(malformed);
    expect(again.every((b) => b === 0)).toBe(true);
    expect(() => openSealedFromShared({ shared: new Uint8Array(32), recipientPublicKey: x25519.getPublicKey(appPrivateKey), sealed: v.sealed, info: SEAL_INFO, aad })).toThrow(decryptFailed);
    expect(() => openSealedFromShared({ shared: null, recipientPublicKey: x25519.getPublicKey(appPrivateKey), sealed: v.sealed, info: SEAL_INFO, aad })).toThrow(decryptFailed);
  });

  it("round-trips and has the v1.<eph_pub>.<nonce>.<ct> shape", () => {
    const { app, secret, context, sealed } = setup();
    const parts = sealed.split(".");
    expect(parts[0]).toBe("v1");
    expect(parts.slice(1).map((p) => decodeBase64Url(p).length)).toEqual([32, 12, 48]);
    expect(openSealed({ appPrivateKey: app.privateKey, sealed, ...context })).toEqual(secret);
  });

  it("uses a fresh ephemeral key and nonce every time", () => {
    const app = newAppKeyPair();
    const context = { clientId: "c", connectionId: newConnectionId() };
    const secret = newKey();
    const a = sealToApp({ appPublicKey: app.publicKey, secret, ...context }).split(".");
    const b = sealToApp({ appPublicKey: app.publicKey, secret, ...context }).split(".");
    expect(a[1]).not.toBe(b[1]);
    expect(a[2]).not.toBe(b[2]);
  });

  it("fails with a wrong clientId, connectionId or private key", () => {
    const { app, context, sealed } = setup();
    expect(() => openSealed({ appPrivateKey: app.privateKey, sealed, ...context, clientId: "app_other" })).toThrow(decryptFailed);
    expect(() => openSealed({ appPrivateKey: app.privateKey, sealed, ...context, connectionId: newConnectionId() })).toThrow(
      decryptFailed,
    );
    expect(() => openSealed({ appPrivateKey: newAppKeyPair().privateKey, sealed, ...context })).toThrow(decryptFailed);
  });

  it("fails on every single-bit flip of the ephemeral key, nonce and ciphertext", () => {
    const { app, context, sealed } = setup();
    const parts = sealed.split(".");
    let flips = 0;
    for (const index of [1, 2, 3]) {
      const bytes = decodeBase64Url(parts[index]!);
      for (let bit = 0; bit < bytes.length * 8; bit++) {
        // Bit 255 of a u-coordinate is ignored by X25519 (RFC 7748 §5); HKDF's salt still covers it.
        const flipped = Uint8Array.from(bytes);
        flipped[bit >> 3]! ^= 1 << (bit & 7);
        const tampered = parts.map((p, i) => (i === index ? encodeBase64Url(flipped) : p)).join(".");
        expect(() => openSealed({ appPrivateKey: app.privateKey, sealed: tampered, ...context })).toThrow(decryptFailed);
        flips++;
      }
    }
    expect(flips).toBe((32 + 12 + 48) * 8);
  });

  it.each([
    ["three parts", "v1.AAAA.AAAA"],
    ["other version", "v2." + v.sealed.slice(3)],
    ["bad base64url", v.sealed.replace(".", ".+")],
    ["short ciphertext", v.sealed.slice(0, -4)],
    ["not a string", 1],
  ])("refuses a malformed sealed value: %s", (_, sealed) => {
    expect(() =>
      openSealed({ appPrivateKey: decodeHex(v.appPrivateKeyHex), sealed: sealed as string, clientId: v.clientId, connectionId: v.connectionIdHex }),
    ).toThrow(malformed);
  });

  it.each(LOW_ORDER)("refuses the low-order public key %s", (hex) => {
    const key = decodeHex(hex);
    expect(() => sealToApp({ appPublicKey: key, secret: newKey(), clientId: "c", connectionId: newConnectionId() })).toThrow(invalidKey);
    expect(() => parseAppPublicKey(encodeBase64Url(key))).toThrow(invalidKey);
    // As an ephemeral key inside a sealed value: the same single error as tampering.
    const sealed = ["v1", encodeBase64Url(key), encodeBase64Url(new Uint8Array(12)), encodeBase64Url(new Uint8Array(48))].join(".");
    expect(() => openSealed({ appPrivateKey: newAppKeyPair().privateKey, sealed, clientId: "c", connectionId: newConnectionId() })).toThrow(
      decryptFailed,
    );
  });

  it("parses a valid app public key from base64url", () => {
    const { publicKey } = newAppKeyPair();
    expect(parseAppPublicKey(encodeBase64Url(publicKey))).toEqual(publicKey);
    expect(() => parseAppPublicKey(encodeBase64Url(publicKey.subarray(0, 31)))).toThrow(invalidKey);
    expect(() => parseAppPublicKey(encodeBase64Url(publicKey) + "=")).toThrow(invalidKey);
  });

  it("checks its inputs", () => {
    const { publicKey } = newAppKeyPair();
    const context = { clientId: "c", connectionId: newConnectionId() };
    expect(() => sealToApp({ appPublicKey: publicKey.subarray(1), secret: newKey(), ...context })).toThrow(RangeError);
    expect(() => sealToApp({ appPublicKey: publicKey, secret: new Uint8Array(16), ...context })).toThrow(RangeError);
    expect(() => sealToApp({ appPublicKey: publicKey, secret: newKey(), ...context, clientId: "a/b" })).toThrow(RangeError);
    expect(() => openSealed({ appPrivateKey: new Uint8Array(31), sealed: v.sealed, ...context })).toThrow(RangeError);
  });
});

describe("assembleRelayToken", () => {
  it("turns the token endpoint's answer into a relay token", () => {
    const token = assembleRelayToken({
      appPrivateKey: decodeHex(v.appPrivateKeyHex),
      sealed: v.sealed,
      clientId: v.clientId,
      connectionId: v.connectionIdHex,
    });
    const parts = parseRelayToken(token);
    expect(encodeHex(parts.connectionId)).toBe(v.connectionIdHex);
    expect(encodeHex(parts.secret)).toBe(v.secretHex);
  });
});
