import { describe, expect, it } from "vitest";
import { formatConnectionId, parseConnectionId, toConnectionIdBytes, toConnectionIdText } from "./connection-id";
import { encodeHex } from "./encoding";
import { newConnectionId, newKey, newSalt, randomBytes } from "./random";

describe("random helpers", () => {
  it("return the documented sizes and differ between calls", () => {
    expect(newConnectionId()).toHaveLength(16);
    expect(newKey()).toHaveLength(32);
    expect(newSalt()).toHaveLength(16);
    expect(randomBytes(0)).toHaveLength(0);
    const seen = new Set(Array.from({ length: 100 }, () => encodeHex(newKey())));
    expect(seen.size).toBe(100);
  });

  it("fill buffers larger than one getRandomValues call", () => {
    const big = randomBytes(200_000);
    expect(big).toHaveLength(200_000);
    // The last chunk was filled too: 4,000+ zero bytes in a row is not plausible.
    expect(big.subarray(196_000).some((b) => b !== 0)).toBe(true);
  });

  it("refuse bad sizes", () => {
    expect(() => randomBytes(-1)).toThrow(RangeError);
    expect(() => randomBytes(1.5)).toThrow(RangeError);
  });
});

describe("connection id text form", () => {
  it("is 32 lowercase hex characters and round-trips", () => {
    const id = newConnectionId();
    const text = formatConnectionId(id);
    expect(text).toMatch(/^[0-9a-f]{32}$/);
    expect(parseConnectionId(text)).toEqual(id);
    expect(toConnectionIdText(id)).toBe(text);
    expect(toConnectionIdText(text)).toBe(text);
    expect(toConnectionIdBytes(text)).toEqual(id);
  });

  it("refuses other spellings and sizes", () => {
    const text = formatConnectionId(newConnectionId());
    expect(() => parseConnectionId(text.toUpperCase().replace(/^[0-9]*/, "A"))).toThrow(TypeError);
    expect(() => parseConnectionId(`${text}0`)).toThrow(TypeError);
    expect(() => parseConnectionId(` ${text.slice(1)}`)).toThrow(TypeError);
    expect(() => formatConnectionId(new Uint8Array(17))).toThrow(RangeError);
    expect(() => toConnectionIdBytes(5 as unknown as string)).toThrow(TypeError);
  });
});
