import { describe, expect, it } from "vitest";
import { decodeBase64Url, decodeHex, decodeUtf8, encodeBase64Url, encodeHex, encodePassword, encodeUtf8 } from "./encoding";
import { createTestPrng } from "./test-prng";

const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));

describe("base64url", () => {
  // RFC 4648 §10 test vectors (no padding, §3.2).
  const rfc4648: [string, string][] = [
    ["", ""],
    ["f", "Zg"],
    ["fo", "Zm8"],
    ["foo", "Zm9v"],
    ["foob", "Zm9vYg"],
    ["fooba", "Zm9vYmE"],
    ["foobar", "Zm9vYmFy"],
  ];
  it.each(rfc4648)("encodes %j as %j and back", (text, encoded) => {
    expect(encodeBase64Url(ascii(text))).toBe(encoded);
    expect(decodeBase64Url(encoded)).toEqual(ascii(text));
  });

  it("uses the URL-safe alphabet", () => {
    expect(encodeBase64Url(new Uint8Array([0xfb, 0xff, 0xbf]))).toBe("-_-_");
    expect(decodeBase64Url("-_-_")).toEqual(new Uint8Array([0xfb, 0xff, 0xbf]));
  });

  it("matches Node's Buffer on random inputs and round-trips", () => {
    const prng = createTestPrng(4648);
    for (let i = 0; i < 200; i++) {
      const bytes = prng.bytes(prng.int(100));
      const encoded = encodeBase64Url(bytes);
      expect(encoded).toBe(Buffer.from(bytes).toString("base64url"));
      expect(decodeBase64Url(encoded)).toEqual(bytes);
    }
  });

  it.each([
    ["padding", "Zg=="],
    ["standard alphabet +", "+w"],
    ["standard alphabet /", "/w"],
    ["space", "Zm 9v"],
    ["newline", "Zm9v\n"],
    ["non-ASCII", "Zm9é"],
    ["impossible length", "Zm9vY"],
    ["non-zero trailing bits", "Zh"],
    ["non-zero trailing bits (2 bytes)", "Zm9"],
  ])("rejects %s", (_, text) => {
    expect(() => decodeBase64Url(text)).toThrow(TypeError);
  });

  it("accepts the canonical neighbour of a non-canonical input", () => {
    expect(decodeBase64Url("Zm8")).toEqual(ascii("fo"));
  });

  it("rejects non-string and non-byte inputs", () => {
    expect(() => decodeBase64Url(1 as unknown as string)).toThrow(TypeError);
    expect(() => encodeBase64Url("x" as unknown as Uint8Array)).toThrow(TypeError);
  });
});

describe("hex", () => {
  it("encodes lowercase and decodes either case", () => {
    expect(encodeHex(new Uint8Array([0, 1, 0xab, 0xff]))).toBe("0001abff");
    expect(decodeHex("0001ABff")).toEqual(new Uint8Array([0, 1, 0xab, 0xff]));
    expect(decodeHex("")).toEqual(new Uint8Array(0));
  });
  it.each(["0", "abc", "zz", "0x00", " 00", "+1"])("rejects %j", (text) => {
    expect(() => decodeHex(text)).toThrow(TypeError);
  });
});

describe("utf8", () => {
  it("round-trips text outside the BMP", () => {
    const text = "clé 🔑 ключ";
    expect(decodeUtf8(encodeUtf8(text))).toBe(text);
    expect(encodeHex(encodeUtf8("é🔑"))).toBe("c3a9f09f9491");
  });
  it("refuses lone surrogates instead of replacing them", () => {
    expect(() => encodeUtf8("a\uD800b")).toThrow(TypeError);
    expect(() => encodeUtf8("\uDC00")).toThrow(TypeError);
  });
  it("refuses malformed UTF-8 instead of replacing it", () => {
    expect(() => decodeUtf8(new Uint8Array([0x61, 0xff]))).toThrow(TypeError);
    expect(() => decodeUtf8(new Uint8Array([0xc3]))).toThrow(TypeError);
  });
});

describe("encodePassword (NFKC, then UTF-8)", () => {
  it("maps compatibility and composed forms to one spelling", () => {
    expect(encodePassword("\uFB01")).toEqual(encodePassword("fi")); // ligature
    expect(encodePassword("cafe\u0301")).toEqual(encodePassword("caf\u00e9")); // combining accent
    expect(encodePassword("\uFF21")).toEqual(encodePassword("A")); // full-width
    expect(encodePassword("\u2460")).toEqual(encodePassword("1")); // circled digit
  });
  it("keeps distinct passwords distinct", () => {
    expect(encodePassword("password")).not.toEqual(encodePassword("Password"));
  });
  it("refuses empty and non-string passwords", () => {
    expect(() => encodePassword("")).toThrow(RangeError);
    expect(() => encodePassword(undefined as unknown as string)).toThrow(TypeError);
  });
});
