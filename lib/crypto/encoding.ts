/**
 * Text encodings of bytes. Every decoder is strict: it refuses any input the
 * matching encoder could not have produced, so one value has one spelling.
 */
import { assertBytes } from "./bytes";

// RFC 4648 §5: the URL- and filename-safe alphabet.
const BASE64URL_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const BASE64URL_VALUES = buildLookup(BASE64URL_ALPHABET);

/** Char code (< 128) to digit value, -1 when not in the alphabet. */
export function buildLookup(alphabet: string): Int8Array {
  const table = new Int8Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  return table;
}

/** Base64url without padding (RFC 4648 §5, padding omitted per §3.2). */
export function encodeBase64Url(bytes: Uint8Array): string {
  assertBytes(bytes, "bytes");
  const digit = (n: number): string => BASE64URL_ALPHABET.charAt(n & 63);
  let out = "";
  let i = 0;
  for (; i + 3 <= bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += digit(n >>> 18) + digit(n >>> 12) + digit(n >>> 6) + digit(n);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += digit(n >>> 18) + digit(n >>> 12);
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += digit(n >>> 18) + digit(n >>> 12) + digit(n >>> 6);
  }
  return out;
}

/**
 * Strict base64url decoding: only `A-Za-z0-9-_`, no padding, no whitespace,
 * and the unused trailing bits must be zero (canonical form, RFC 4648 §3.5).
 * Errors never echo the input.
 */
export function decodeBase64Url(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("base64url input must be a string");
  if (text.length % 4 === 1) throw new TypeError("base64url input has an impossible length");
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? BASE64URL_VALUES[code]! : -1;
    if (value < 0) throw new TypeError("base64url input has a character outside A-Za-z0-9-_");
    acc = ((acc << 6) | value) & 0xffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >>> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new TypeError("base64url input is not canonical (non-zero trailing bits)");
  }
  return out;
}

/** Lowercase hex. */
export function encodeHex(bytes: Uint8Array): string {
  assertBytes(bytes, "bytes");
  let out = "";
  for (const byte of bytes) out += byte.toString(16).padStart(2, "0");
  return out;
}

/** Strict hex decoding: even length, only 0-9a-fA-F. */
export function decodeHex(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("hex input must be a string");
  if (text.length % 2 !== 0) throw new TypeError("hex input must have an even length");
  if (!/^[0-9a-fA-F]*$/.test(text)) throw new TypeError("hex input has a character outside 0-9a-fA-F");
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

// A UTF-16 surrogate without its partner: TextEncoder would silently turn it
// into U+FFFD, so two different strings would encode to the same bytes.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** UTF-8 encoding (RFC 3629); refuses strings with lone surrogates. */
export function encodeUtf8(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("utf8 input must be a string");
  if (LONE_SURROGATE.test(text)) throw new TypeError("utf8 input has a lone surrogate");
  return new TextEncoder().encode(text);
}

/** UTF-8 decoding that refuses malformed input instead of replacing it. */
export function decodeUtf8(bytes: Uint8Array): string {
  assertBytes(bytes, "bytes");
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
}

/**
 * The master password as bytes: Unicode NFKC normalisation (UAX #15), then
 * UTF-8, so the same password typed on any keyboard or OS gives the same
 * key. The caller wipes the result after use.
 */
export function encodePassword(password: string): Uint8Array {
  if (typeof password !== "string") throw new TypeError("password must be a string");
  if (password.length === 0) throw new RangeError("password must not be empty");
  return encodeUtf8(password.normalize("NFKC"));
}
