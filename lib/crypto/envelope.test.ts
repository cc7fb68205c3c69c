import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import { buildCkTokenAad, buildCkVaultAad, buildGrantAad, buildItemAad } from "./aad";
import { decodeBase64Url, decodeHex, encodeBase64Url, encodeHex } from "./encoding";
import { openEnvelope, parseEnvelope, sealEnvelope } from "./envelope";
import { CryptoError } from "./errors";
import { newKey } from "./random";
import { createTestPrng } from "./test-prng";

const item = { userId: "user_1", itemId: "item_1", provider: "openai", itemVersion: 1 };
const decryptFailed = expect.objectContaining({ name: "CryptoError", code: "decrypt_failed" });
const malformed = expect.objectContaining({ name: "CryptoError", code: "malformed_envelope" });

function flipBit(envelope: string, part: 1 | 2, bit: number): string {
  const parts = envelope.split(".");
  const bytes = decodeBase64Url(parts[part]!);
  bytes[bit >> 3]! ^= 1 << (bit & 7);
  parts[part] = encodeBase64Url(bytes);
  return parts.join(".");
}

describe("envelope", () => {
  it("has the v1.<nonce>.<ct‖tag> shape with a 12-byte nonce", () => {
    const envelope = sealEnvelope({ key: newKey(), plaintext: new Uint8Array(5), aad: buildItemAad(item) });
    expect(envelope).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+$/);
    const { nonce, ciphertext } = parseEnvelope(envelope);
    expect(nonce).toHaveLength(12);
    expect(ciphertext).toHaveLength(5 + 16);
  });

  it("round-trips random plaintexts of random sizes (seeded)", () => {
    const prng = createTestPrng(1);
    for (let i = 0; i < 100; i++) {
      const key = prng.bytes(32);
      const plaintext = prng.bytes(prng.int(i < 50 ? 64 : 5000));
      const aad = buildItemAad({ ...item, itemVersion: prng.int(1000) });
      expect(openEnvelope({ key, envelope: sealEnvelope({ key, plaintext, aad }), aad })).toEqual(plaintext);
    }
  });

  it("draws a fresh nonce every time", () => {
    const key = newKey();
    const aad = buildItemAad(item);
    const nonces = new Set<string>();
    for (let i = 0; i < 500; i++) nonces.add(sealEnvelope({ key, plaintext: new Uint8Array(1), aad }).split(".")[1]!);
    expect(nonces.size).toBe(500);
  });

  it("fails on every single-bit flip of the nonce, ciphertext and tag", () => {
    const key = newKey();
    const aad = buildItemAad(item);
    const envelope = sealEnvelope({ key, plaintext: new TextEncoder().encode("sk-proj-abcdefghij"), aad });
    const { nonce, ciphertext } = parseEnvelope(envelope);
    let flips = 0;
    for (const [part, length] of [[1, nonce.length], [2, ciphertext.length]] as const) {
      for (let bit = 0; bit < length * 8; bit++) {
        expect(() => openEnvelope({ key, envelope: flipBit(envelope, part, bit), aad })).toThrow(decryptFailed);
        flips++;
      }
    }
    expect(flips).toBe((12 + 18 + 16) * 8);
  });

  it("fails with a changed AAD", () => {
    const key = newKey();
    const aad = buildItemAad(item);
    const envelope = sealEnvelope({ key, plaintext: new Uint8Array([1, 2, 3]), aad });
    for (const other of [aad + "x", aad.slice(0, -1), aad.toUpperCase(), "x" + aad.slice(1)]) {
      expect(() => openEnvelope({ key, envelope, aad: other })).toThrow(decryptFailed);
    }
  });

  it("fails when moved to another version, item, owner, provider or purpose", () => {
    const key = newKey();
    const connectionId = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
    const aad = buildItemAad(item);
    const envelope = sealEnvelope({ key, plaintext: new Uint8Array(32), aad });
    const elsewhere = [
      buildItemAad({ ...item, itemVersion: 2 }),
      buildItemAad({ ...item, itemId: "item_2" }),
      buildItemAad({ ...item, userId: "user_2" }),
      buildItemAad({ ...item, provider: "anthropic" }),
      buildGrantAad({ connectionId, provider: "openai", itemId: "item_1", itemVersion: 1 }),
      buildCkVaultAad({ userId: "user_1", connectionId }),
      buildCkTokenAad({ connectionId }),
    ];
    for (const other of elsewhere) expect(() => openEnvelope({ key, envelope, aad: other })).toThrow(decryptFailed);
    expect(openEnvelope({ key, envelope, aad })).toHaveLength(32);
  });

  it("fails with a wrong key, with the same error", () => {
    const aad = buildItemAad(item);
    const envelope = sealEnvelope({ key: newKey(), plaintext: new Uint8Array(3), aad });
    expect(() => openEnvelope({ key: newKey(), envelope, aad })).toThrow(decryptFailed);
  });

  it.each([
    ["not a string", 42],
    ["two parts", "v1.AAAAAAAAAAAAAAAA"],
    ["four parts", "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AA"],
    ["other version", "v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"],
    ["bad base64url", "v1.AAAAAAAAAAAAAAA+.AAAAAAAAAAAAAAAAAAAAAA"],
    ["padded base64", "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA=="],
    ["11-byte nonce", "v1.AAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA"],
    ["ciphertext shorter than the tag", "v1.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAA"],
    ["empty", ""],
  ])("refuses a malformed envelope: %s", (_, envelope) => {
    expect(() => openEnvelope({ key: newKey(), envelope: envelope as string, aad: "1relay/v1/x" })).toThrow(malformed);
  });

  it("accepts an empty plaintext (tag only)", () => {
    const key = newKey();
    const envelope = sealEnvelope({ key, plaintext: new Uint8Array(0), aad: "a" });
    expect(openEnvelope({ key, envelope, aad: "a" })).toEqual(new Uint8Array(0));
  });

  it("checks its inputs", () => {
    const plaintext = new Uint8Array(1);
    expect(() => sealEnvelope({ key: new Uint8Array(16), plaintext, aad: "a" })).toThrow(RangeError);
    expect(() => sealEnvelope({ key: newKey(), plaintext, aad: "" })).toThrow(RangeError);
    expect(() => sealEnvelope({ key: newKey(), plaintext, aad: undefined as unknown as string })).toThrow(TypeError);
    expect(() => sealEnvelope({ key: newKey(), plaintext: "x" as unknown as Uint8Array, aad: "a" })).toThrow(TypeError);
    expect(() => openEnvelope({ key: newKey(), envelope: "v1.a.b", aad: "" })).toThrow(RangeError);
  });

  it("opens envelopes made by an independent implementation (pyca/cryptography)", () => {
    const vk = openEnvelope({ key: decodeHex(core.masterKey.mkHex), envelope: core.vault.envelope, aad: core.vault.aad });
    expect(encodeHex(vk)).toBe(core.vault.vkHex);
    const ck = openEnvelope({
      key: decodeHex(core.connection.tokenWrapKeyHex),
      envelope: core.connection.ckTokenEnvelope,
      aad: core.connection.ckTokenAad,
    });
    expect(encodeHex(ck)).toBe(core.connection.ckHex);
    expect(() => openEnvelope({ key: decodeHex(core.masterKey.mkHex), envelope: core.vault.envelope, aad: core.connection.ckTokenAad })).toThrow(CryptoError);
  });
});
