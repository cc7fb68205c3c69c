/**
 * A strict CBOR decoder (RFC 8949) for what WebAuthn hands a relying party: attestation objects
 * (§6.5), COSE keys (RFC 9052 §7) and authenticator extension outputs. Definite lengths only;
 * unsigned and negative integers up to 2^53, byte and text strings, arrays, maps, false, true and
 * null. Floats, tags, undefined, indefinite lengths, duplicate map keys and nesting deeper than
 * 16 are refused: none occurs in these structures.
 */
import { WebAuthnError } from "./webauthn-error";

export type CborValue = number | Uint8Array | string | boolean | null | CborValue[] | CborMap;
export type CborMap = Map<number | string, CborValue>;

const MAX_DEPTH = 16;
const malformed = (why: string) => new WebAuthnError("malformed", `CBOR: ${why}`);

interface Cursor {
  bytes: Uint8Array;
  at: number;
}

function take(cursor: Cursor, n: number): Uint8Array {
  if (n > cursor.bytes.length - cursor.at) throw malformed("unexpected end of data");
  const out = cursor.bytes.subarray(cursor.at, cursor.at + n);
  cursor.at += n;
  return out;
}

/** The argument of a head (RFC 8949 §3): the low 5 bits, or the 1, 2, 4 or 8 bytes after them. */
function readArgument(cursor: Cursor, info: number): number {
  if (info < 24) return info;
  const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
  if (size === undefined) throw malformed(info === 31 ? "indefinite lengths are not accepted" : "reserved additional information");
  let value = 0;
  for (const byte of take(cursor, size)) value = value * 256 + byte;
  if (!Number.isSafeInteger(value)) throw malformed("integer beyond 2^53");
  return value;
}

function readItem(cursor: Cursor, depth: number): CborValue {
  if (depth > MAX_DEPTH) throw malformed("nested too deeply");
  const initial = take(cursor, 1)[0]!;
  const major = initial >> 5;
  const info = initial & 0x1f;
  if (major === 7) {
    if (info === 20) return false;
    if (info === 21) return true;
    if (info === 22) return null;
    throw malformed("floats and other simple values are not accepted");
  }
  const argument = readArgument(cursor, info);
  switch (major) {
    case 0:
      return argument;
    case 1:
      return -1 - argument;
    case 2:
      return take(cursor, argument).slice();
    case 3:
      try {
        return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(take(cursor, argument));
      } catch {
        throw malformed("a text string is not UTF-8");
      }
    case 4:
      return Array.from({ length: argument }, () => readItem(cursor, depth + 1));
    case 5:
      return readMap(cursor, argument, depth);
    default:
      throw malformed("tags are not accepted");
  }
}

function readMap(cursor: Cursor, size: number, depth: number): CborMap {
  const map: CborMap = new Map();
  for (let i = 0; i < size; i += 1) {
    const key = readItem(cursor, depth + 1);
    if (typeof key !== "number" && typeof key !== "string") throw malformed("map keys must be integers or text");
    if (map.has(key)) throw malformed("duplicate map key");
    map.set(key, readItem(cursor, depth + 1));
  }
  return map;
}

/** Decodes the one item at `offset`; returns it and where it ends (authenticator data carries more after a COSE key). */
export function decodeCborItem(bytes: Uint8Array, offset = 0): { value: CborValue; end: number } {
  const cursor = { bytes, at: offset };
  const value = readItem(cursor, 0);
  return { value, end: cursor.at };
}

/** Decodes exactly one item filling all of `bytes`. */
export function decodeCbor(bytes: Uint8Array): CborValue {
  const { value, end } = decodeCborItem(bytes);
  if (end !== bytes.length) throw malformed("trailing bytes after the item");
  return value;
}

/** The item as a map, or a "malformed" error naming `what`. */
export function expectCborMap(value: CborValue, what: string): CborMap {
  if (!(value instanceof Map)) throw malformed(`${what} must be a map`);
  return value;
}
