import { describe, expect, it } from "vitest";
import { jsonDepthExceeds, parseStrictJson } from "./strict-json";

describe("parseStrictJson", () => {
  it("parses ordinary JSON, surrogate pairs included", () => {
    expect(parseStrictJson('{"a":[1,{"b":"\\ud83d\\ude00 ok"}],"constructor":"x"}')).toEqual({ ok: true, value: { a: [1, { b: "😀 ok" }], constructor: "x" } });
  });

  it("refuses nesting past the limit without recursing (a million levels)", () => {
    const deep = "[".repeat(1_000_000) + "]".repeat(1_000_000);
    expect(parseStrictJson(deep)).toEqual({ ok: false, message: "The body is nested more than 64 levels deep." });
    expect(parseStrictJson(`{"a":${"[".repeat(10)}1${"]".repeat(10)}}`, { maxDepth: 11 }).ok).toBe(true);
    expect(parseStrictJson(`{"a":${"[".repeat(11)}1${"]".repeat(11)}}`, { maxDepth: 11 }).ok).toBe(false);
  });

  it("counts brackets only outside strings, escaped quotes included", () => {
    expect(jsonDepthExceeds(`{"a":"${"[".repeat(100)}\\"${"{".repeat(100)}"}`, 2)).toBe(false);
    expect(jsonDepthExceeds('[[["\\\\"]]]', 2)).toBe(true);
  });

  it('refuses a "__proto__" key at any level', () => {
    for (const text of ['{"__proto__":{"x":1}}', '{"a":{"__proto__":"x"}}', '[{"b":[{"__proto__":null}]}]']) {
      expect(parseStrictJson(text)).toEqual({ ok: false, message: 'The body contains the key "__proto__", which is not accepted.' });
    }
  });

  it("refuses lone surrogates in values and keys", () => {
    for (const text of ['{"a":"x\\ud800"}', '{"a":"\\udc00y"}', '{"\\ud83d":1}', '["\\ude00\\ud83d"]']) {
      expect(parseStrictJson(text)).toMatchObject({ ok: false, message: expect.stringContaining("lone surrogate") });
    }
  });

  it("reports invalid JSON plainly", () => {
    expect(parseStrictJson("{a:1}")).toEqual({ ok: false, message: "The body is not valid JSON." });
    expect(parseStrictJson("")).toEqual({ ok: false, message: "The body is not valid JSON." });
  });
});
