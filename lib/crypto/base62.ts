/**
 * Fixed-width base62 (`0-9A-Za-z`): a byte array read as one big-endian
 * unsigned number, written most significant digit first and left-padded
 * with "0". Long division on byte arrays (no BigInt) so that every
 * intermediate buffer holding secret material can be wiped.
 */
import { assertBytes } from "./bytes";
import { buildLookup } from "./encoding";

export const BASE62_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const BASE62_VALUES = buildLookup(BASE62_ALPHABET);
const BASE62_PATTERN = /^[0-9A-Za-z]*$/;

/** True when every character of `text` is in the base62 alphabet. */
export function isBase62(text: string): boolean {
  return BASE62_PATTERN.test(text);
}

/** Encodes `bytes` in exactly `width` digits; RangeError if it does not fit. */
export function encodeBase62({ bytes, width }: { bytes: Uint8Array; width: number }): string {
  assertBytes(bytes, "bytes");
  if (!Number.isSafeInteger(width) || width < 1) throw new RangeError("width must be a positive integer");
  const work = Uint8Array.from(bytes);
  const digits = new Array<string>(width);
  try {
    for (let d = width - 1; d >= 0; d--) {
      // One pass of long division of `work` by 62; the remainder is the next digit.
      let remainder = 0;
      for (let i = 0; i < work.length; i++) {
        const acc = remainder * 256 + work[i]!;
        work[i] = Math.floor(acc / 62);
        remainder = acc % 62;
      }
      digits[d] = BASE62_ALPHABET.charAt(remainder);
    }
    if (work.some((byte) => byte !== 0)) throw new RangeError(`value does not fit in ${width} base62 digits`);
    return digits.join("");
  } finally {
    work.fill(0);
  }
}

/**
 * Decodes base62 `text` into exactly `byteLength` big-endian bytes.
 * TypeError on a character outside the alphabet, RangeError when the value
 * is 256^byteLength or more.
 */
export function decodeBase62({ text, byteLength }: { text: string; byteLength: number }): Uint8Array {
  if (typeof text !== "string") throw new TypeError("base62 input must be a string");
  if (!Number.isSafeInteger(byteLength) || byteLength < 1) {
    throw new RangeError("byteLength must be a positive integer");
  }
  if (!isBase62(text)) throw new TypeError("base62 input has a character outside 0-9A-Za-z");
  const out = new Uint8Array(byteLength);
  let overflow = 0;
  for (let c = 0; c < text.length; c++) {
    // out = out * 62 + digit, carried from the least significant byte.
    let carry = BASE62_VALUES[text.charCodeAt(c)]!;
    for (let i = byteLength - 1; i >= 0; i--) {
      const acc = out[i]! * 62 + carry;
      out[i] = acc & 0xff;
      carry = acc >>> 8;
    }
    overflow |= carry;
  }
  if (overflow !== 0) {
    out.fill(0);
    throw new RangeError(`base62 value does not fit in ${byteLength} bytes`);
  }
  return out;
}
