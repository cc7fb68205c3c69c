import { describe, expect, it } from "vitest";
import { equalBytes } from "./compare";

describe("equalBytes", () => {
  it("is true only for identical contents", () => {
    expect(equalBytes(new Uint8Array([1, 2, 3]), new Uint8Array([1, 2, 3]))).toBe(true);
    expect(equalBytes(new Uint8Array(0), new Uint8Array(0))).toBe(true);
    for (let i = 0; i < 3; i++) {
      const b = new Uint8Array([1, 2, 3]);
      b[i]! ^= 0x80;
      expect(equalBytes(new Uint8Array([1, 2, 3]), b)).toBe(false);
    }
  });
  it("is false for different lengths", () => {
    expect(equalBytes(new Uint8Array([1, 2]), new Uint8Array([1, 2, 0]))).toBe(false);
  });
  it("refuses non-byte inputs", () => {
    expect(() => equalBytes("ab" as unknown as Uint8Array, new Uint8Array(2))).toThrow(TypeError);
  });
});
