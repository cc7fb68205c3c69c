import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES } from "./logo";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

// A real 1×1 PNG (signature, IHDR, IDAT, IEND).
const PNG_1X1 = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="),
  (c) => c.charCodeAt(0),
);
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], "JFIF", [0, 1, 1, 0]);
const GIF = bytes("GIF89a", [1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0]);
const WEBP = bytes("RIFF", [0x1a, 0, 0, 0], "WEBP", "VP8L", [0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11]);

describe("checkLogo", () => {
  it("recognises PNG, JPEG, GIF and WebP by their own bytes", () => {
    expect(checkLogo(PNG_1X1)).toEqual({ type: "image/png" });
    expect(checkLogo(JPEG)).toEqual({ type: "image/jpeg" });
    expect(checkLogo(GIF)).toEqual({ type: "image/gif" });
    expect(checkLogo(bytes("GIF87a", [1, 0, 1, 0, 0, 0, 0]))).toEqual({ type: "image/gif" });
    expect(checkLogo(WEBP)).toEqual({ type: "image/webp" });
    expect(checkLogo(bytes("RIFF", [0, 0, 0, 0], "WEBP", "VP8X", [0, 0, 0, 0]))).toEqual({ type: "image/webp" });
  });

  it("refuses SVG and other markup with a message that says so", () => {
    for (const text of [
      '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>',
      "  \n<!DOCTYPE html><html><body>hi</body></html>",
      "\ufeff<svg/>",
    ]) {
      const result = checkLogo(new TextEncoder().encode(text));
      expect(result).toHaveProperty("error");
      expect((result as { error: string }).error).toMatch(/SVG/);
    }
  });

  it("refuses anything else, including truncated or lookalike headers", () => {
    const refused = [
      bytes("%PDF-1.7"),
      bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a]), // signature without IHDR
      bytes([0x89], "PNG", [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IDAT"),
      bytes([0xff, 0xd8]),
      bytes("GIF89a"),
      bytes("RIFF", [0, 0, 0, 0], "WAVE", "fmt "),
      bytes("RIFF", [0, 0, 0, 0], "WEBP", "JUNK"),
      bytes("BM", [0, 0, 0, 0, 0, 0]), // BMP
      bytes([0, 0, 1, 0, 1, 0]), // ICO
      bytes("hello world"),
    ];
    for (const file of refused) expect(checkLogo(file)).toEqual({ error: "The logo must be a PNG, JPEG, WebP or GIF image." });
  });

  it("refuses an empty file and one over 256 KiB, whatever its type", () => {
    expect(checkLogo(new Uint8Array(0))).toEqual({ error: "The logo file is empty." });
    const big = new Uint8Array(MAX_LOGO_BYTES + 1);
    big.set(PNG_1X1);
    expect(checkLogo(big)).toEqual({ error: "The logo must be at most 256 KiB." });
    const exact = new Uint8Array(MAX_LOGO_BYTES);
    exact.set(PNG_1X1);
    expect(checkLogo(exact)).toEqual({ type: "image/png" });
  });

  it("needs bytes", () => {
    expect(() => checkLogo("iVBOR" as unknown as Uint8Array)).toThrow(TypeError);
  });
});
