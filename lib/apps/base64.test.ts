import { describe, expect, it } from "vitest";
import { decodeBase64, encodeBase64 } from "./base64";

describe("base64", () => {
  it("round-trips bytes (RFC 4648 §10 vectors and a large buffer)", () => {
    expect(encodeBase64(new TextEncoder().encode("foobar"))).toBe("Zm9vYmFy");
    expect(encodeBase64(new TextEncoder().encode("fo"))).toBe("Zm8=");
    const big = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 31) & 0xff);
    expect(decodeBase64(encodeBase64(big))).toEqual(big);
    expect(Buffer.from(encodeBase64(big), "base64")).toEqual(Buffer.from(big));
  });

  it("throws TypeError for non-base64 text", () => {
    expect(() => decodeBase64("not base64!")).toThrow(TypeError);
  });
});
