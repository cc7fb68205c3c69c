/**
 * A connection id is 16 random bytes. Its one text form, used in AAD labels,
 * the database and API responses, is 32 lowercase hex characters; the bytes
 * are what the relay token carries and what HKDF takes as salt.
 */
import { assertBytes } from "./bytes";
import { decodeHex, encodeHex } from "./encoding";
import { CONNECTION_ID_BYTES } from "./random";

/** Either form: 16 bytes, or the canonical 32-char lowercase hex string. */
export type ConnectionIdInput = Uint8Array | string;

const CONNECTION_ID_PATTERN = /^[0-9a-f]{32}$/;

/** The canonical text form of a 16-byte connection id. */
export function formatConnectionId(bytes: Uint8Array): string {
  assertBytes(bytes, "connectionId", CONNECTION_ID_BYTES);
  return encodeHex(bytes);
}

/** Parses the canonical text form; refuses uppercase, other lengths and other alphabets. */
export function parseConnectionId(text: string): Uint8Array {
  if (typeof text !== "string") throw new TypeError("connectionId must be a string");
  if (!CONNECTION_ID_PATTERN.test(text)) {
    throw new TypeError("connectionId must be 32 lowercase hex characters");
  }
  return decodeHex(text);
}

/** The bytes of a connection id given in either form (a copy). */
export function toConnectionIdBytes(id: ConnectionIdInput): Uint8Array {
  if (typeof id === "string") return parseConnectionId(id);
  assertBytes(id, "connectionId", CONNECTION_ID_BYTES);
  return Uint8Array.from(id);
}

/** The canonical text of a connection id given in either form. */
export function toConnectionIdText(id: ConnectionIdInput): string {
  if (typeof id === "string") {
    parseConnectionId(id);
    return id;
  }
  return formatConnectionId(id);
}
