import { describe, expect, it } from "vitest";
import { BASE62_ALPHABET, decodeBase62, encodeBase62 } from "./base62";
import { computeCrc32 } from "./crc32";
import { encodeUtf8 } from "./encoding";
import { createTestPrng } from "./test-prng";

/** Reference implementation with BigInt, for cross-checking only. */
function referenceBase62(bytes: Uint8Array, width: number): string {
  let n = 0n;
  for (const byte of bytes) n = (n << 8n) | BigInt(byte);
  let out = "";
  while (n > 0n) {
    out = BASE62_ALPHABET.charAt(Number(n % 62n)) + out;
    n /= 62n;
  }
  return out.padStart(width, "0");
}

describe("base62", () => {
  it("encodes small values with left padding", () => {
    expect(encodeBase62({ bytes: new Uint8Array([0]), width: 3 })).toBe("000");
    expect(encodeBase62({ bytes: new Uint8Array([61]), width: 2 })).toBe("0z");
    expect(encodeBase62({ bytes: new Uint8Array([62]), width: 2 })).toBe("10");
    expect(encodeBase62({ bytes: new Uint8Array([1, 0]), width: 3 })).toBe("048"); // 256 = 4*62 + 8
  });

  it("agrees with a BigInt reference and round-trips", () => {
    const prng = createTestPrng(62);
    for (let i = 0; i < 200; i++) {
      const bytes = prng.bytes(1 + prng.int(64));
      const width = Math.ceil((bytes.length * 8) / Math.log2(62));
      const text = encodeBase62({ bytes, width });
      expect(text).toBe(referenceBase62(bytes, width));
      expect(decodeBase62({ text, byteLength: bytes.length })).toEqual(bytes);
    }
  });

  it("refuses a value that does not fit the width", () => {
    expect(() => encodeBase62({ bytes: new Uint8Array([62]), width: 1 })).toThrow(RangeError);
    expect(() => encodeBase62({ bytes: new Uint8Array([1]), width: 0 })).toThrow(RangeError);
  });

  it("refuses characters outside the alphabet and values that overflow", () => {
    expect(() => decodeBase62({ text: "0-", byteLength: 1 })).toThrow(TypeError);
    expect(() => decodeBase62({ text: "48", byteLength: 1 })).toThrow(RangeError); // 256
    expect(decodeBase62({ text: "47", byteLength: 1 })).toEqual(new Uint8Array([255]));
  });
});

describe("CRC-32 (IEEE 802.3 / zlib)", () => {
  it("matches the standard check values", () => {
    expect(computeCrc32(encodeUtf8("123456789"))).toBe(0xcbf43926);
    expect(computeCrc32(new Uint8Array(0))).toBe(0);
    expect(computeCrc32(encodeUtf8("The quick brown fox jumps over the lazy dog"))).toBe(0x414fa339);
  });
});
