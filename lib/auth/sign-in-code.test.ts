import { describe, expect, it } from "vitest";
import { formatSignInCode, generateSignInCode, normalizeSignInCode, SIGN_IN_CODE_LENGTH } from "./sign-in-code";

const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

describe("sign-in codes", () => {
  it("are 8 characters of Crockford base32 and differ each time", () => {
    const codes = new Set(Array.from({ length: 200 }, () => generateSignInCode(random)));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  });

  it("use every one of the 32 symbols for the 256 byte values evenly", () => {
    const counts = new Map<string, number>();
    for (let b = 0; b < 256; b += 1) {
      const code = generateSignInCode(() => new Uint8Array(SIGN_IN_CODE_LENGTH).fill(b));
      counts.set(code[0]!, (counts.get(code[0]!) ?? 0) + 1);
    }
    expect(counts.size).toBe(32);
    expect(new Set(counts.values())).toEqual(new Set([8]));
  });

  it("accept what people type: lower case, dashes, spaces, O for 0, I/L for 1", () => {
    expect(normalizeSignInCode("abcd-ef01")).toBe("ABCDEF01");
    expect(normalizeSignInCode(" ABCD EFOI ")).toBe("ABCDEF01");
    expect(normalizeSignInCode("abcdefgl")).toBe("ABCDEFG1");
  });

  it("refuse anything of the wrong length or alphabet", () => {
    expect(normalizeSignInCode("ABCDEFG")).toBeNull();
    expect(normalizeSignInCode("ABCDEFGHJ")).toBeNull();
    expect(normalizeSignInCode("ABCDEFGU")).toBeNull();
    expect(normalizeSignInCode("ABCD%EFG")).toBeNull();
    expect(normalizeSignInCode("")).toBeNull();
  });

  it("format with a dash in the middle", () => {
    expect(formatSignInCode("ABCDEFGH")).toBe("ABCD-EFGH");
  });
});
