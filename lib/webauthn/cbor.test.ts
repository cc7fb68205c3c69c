import { describe, expect, it } from "vitest";
import { decodeHex } from "../crypto/encoding";
import { decodeCbor, decodeCborItem } from "./cbor";
import { isWebAuthnError } from "./webauthn-error";

const hex = (h: string) => decodeHex(h.replace(/\s/g, ""));

describe("CBOR decoding (RFC 8949 Appendix A examples)", () => {
  it.each([
    ["00", 0],
    ["17", 23],
    ["1818", 24],
    ["1903e8", 1000],
    ["1a000f4240", 1000000],
    ["1b001fffffffffffff", 2 ** 53 - 1],
    ["20", -1],
    ["3863", -100],
    ["f4", false],
    ["f5", true],
    ["f6", null],
    ["6161", "a"],
    ["62c3bc", "ü"],
  ])("%s", (input, expected) => expect(decodeCbor(hex(input))).toEqual(expected));

  it("byte strings, arrays and maps with integer and text keys", () => {
    expect(decodeCbor(hex("4401020304"))).toEqual(new Uint8Array([1, 2, 3, 4]));
    expect(decodeCbor(hex("8301820203820405"))).toEqual([1, [2, 3], [4, 5]]);
    expect(decodeCbor(hex("a201020304"))).toEqual(new Map([[1, 2], [3, 4]]));
    expect(decodeCbor(hex("a26161016162820203"))).toEqual(new Map<string, unknown>([["a", 1], ["b", [2, 3]]]));
  });

  it("says where an item ends, for data that follows it", () => {
    expect(decodeCborItem(hex("a1010200ff"))).toEqual({ value: new Map([[1, 2]]), end: 3 });
    expect(decodeCborItem(hex("ff0102"), 1)).toEqual({ value: 1, end: 2 });
  });

  it.each([
    ["f97c00", "a float"],
    ["c11a514b67b0", "a tag"],
    ["5f42010243030405ff", "an indefinite byte string"],
    ["9fff", "an indefinite array"],
    ["f7", "undefined"],
    ["1b0020000000000000", "an integer beyond 2^53"],
    ["a201020103", "a duplicate map key"],
    ["a1f402", "a map key that is neither integer nor text"],
    ["62c3", "a truncated text string"],
    ["61ff", "a text string that is not UTF-8"],
    ["0001", "trailing bytes"],
    ["", "nothing"],
    ["81".repeat(20) + "00", "nesting deeper than 16"],
  ])("refuses %s (%s)", (input) => {
    let error: unknown;
    try {
      decodeCbor(hex(input));
    } catch (e) {
      error = e;
    }
    expect(isWebAuthnError(error, "malformed")).toBe(true);
  });
});
