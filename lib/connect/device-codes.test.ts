import { hmac } from "@noble/hashes/hmac.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { encodeHex, encodeUtf8 } from "../crypto/encoding";
import { DEVICE_CODE_PATTERN, formatUserCode, hashDeviceCode, hashUserCode, newDeviceCode, newUserCode, normalizeUserCode, USER_CODE_ALPHABET } from "./device-codes";

const SECRET = "a-test-auth-secret-of-at-least-32-characters";

describe("user codes (RFC 8628 §6.1)", () => {
  it("are 8 consonants from a 20-letter alphabet, shown as XXXX-XXXX", () => {
    expect(USER_CODE_ALPHABET).toHaveLength(20);
    expect(USER_CODE_ALPHABET).not.toMatch(/[AEIOUY0-9]/);
    for (let i = 0; i < 200; i += 1) {
      const code = newUserCode();
      expect(code).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{8}$/);
      expect(formatUserCode(code)).toMatch(/^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    }
  });

  it("draw every letter with the same probability: bytes 240-255 are drawn again", () => {
    // A source that gives 255, 239, 0, 19, 20… : 255 is skipped, 239 → 239 % 20 = 19 (Z), 0 → B…
    const bytes = [255, 239, 0, 19, 20, 240, 250, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const code = newUserCode(() => Uint8Array.from(bytes));
    expect(code).toBe("ZBZBCDFG");
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i += 1) for (const ch of newUserCode()) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(20);
  });

  it("accept what a person types: any case, spaces and dashes ignored; nothing else", () => {
    expect(normalizeUserCode("wdjb-mjht")).toBe("WDJBMJHT");
    expect(normalizeUserCode(" WDJB MJHT ")).toBe("WDJBMJHT");
    expect(normalizeUserCode("WDJBMJHT")).toBe("WDJBMJHT");
    for (const bad of ["WDJB-MJH", "WDJB-MJHTX", "WDJB-MJH1", "WDJA-MJHT", "", 42, null, "W".repeat(41)]) expect(normalizeUserCode(bad)).toBeNull();
  });

  it("hash with HMAC-SHA256 under AUTH_SECRET: another secret gives another hash", () => {
    const expected = encodeHex(hmac(sha256, encodeUtf8(SECRET), encodeUtf8("1relay/v1/user-codeWDJBMJHT")));
    expect(hashUserCode({ code: "WDJBMJHT", secret: SECRET })).toBe(expected);
    expect(hashUserCode({ code: "WDJBMJHT", secret: `${SECRET}-other` })).not.toBe(expected);
    expect(() => hashUserCode({ code: "wdjb-mjht", secret: SECRET })).toThrow(RangeError);
    expect(() => hashUserCode({ code: "WDJBMJHT", secret: "short" })).toThrow(RangeError);
  });
});

describe("device codes", () => {
  it("are 256-bit base64url values, all different, hashed with their own domain prefix", () => {
    const codes = new Set(Array.from({ length: 50 }, newDeviceCode));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(DEVICE_CODE_PATTERN);
    const code = [...codes][0]!;
    expect(hashDeviceCode(code)).toBe(encodeHex(sha256(encodeUtf8(`1relay/v1/device-code${code}`))));
    expect(() => hashDeviceCode("short")).toThrow(RangeError);
  });
});
