/**
 * Relay token: `1r_` + base62(connectionId ‖ K) in exactly 65 characters
 * + base62(CRC-32 of those 48 bytes) in exactly 6 characters = 74 chars.
 * Base62 digits are `0-9A-Za-z`, big-endian, left-padded with "0".
 *
 * Parsing checks, in order: prefix, length, alphabet, overflow, checksum,
 * each with its own CryptoError code, before any database read. Error
 * messages never contain the token.
 */
import { decodeBase62, encodeBase62, isBase62 } from "./base62";
import { assertBytes, concatBytes, wipeBytes } from "./bytes";
import { type ConnectionIdInput, toConnectionIdBytes } from "./connection-id";
import { computeCrc32 } from "./crc32";
import { CryptoError } from "./errors";
import { CONNECTION_ID_BYTES, KEY_BYTES } from "./random";

export const RELAY_TOKEN_PREFIX = "1r_";
export const RELAY_TOKEN_LENGTH = 74;
const PAYLOAD_BYTES = CONNECTION_ID_BYTES + KEY_BYTES; // 48
const PAYLOAD_CHARS = 65; // ceil(384 / log2(62)) = ceil(64.5)
const CHECKSUM_CHARS = 6; // ceil(32 / log2(62)) = ceil(5.38)

export type RelayTokenParts = { connectionId: Uint8Array; secret: Uint8Array };

function encodeChecksum(payload: Uint8Array): string {
  const crc = computeCrc32(payload);
  const bytes = new Uint8Array([crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
  return encodeBase62({ bytes, width: CHECKSUM_CHARS });
}

/** Assembles the relay token from a connection id and its 32-byte secret K. */
export function formatRelayToken({ connectionId, secret }: { connectionId: ConnectionIdInput; secret: Uint8Array }): string {
  assertBytes(secret, "secret", KEY_BYTES);
  const id = toConnectionIdBytes(connectionId);
  const payload = concatBytes(id, secret);
  try {
    return RELAY_TOKEN_PREFIX + encodeBase62({ bytes: payload, width: PAYLOAD_CHARS }) + encodeChecksum(payload);
  } finally {
    wipeBytes(id, payload);
  }
}

/** Parses a relay token into its connection id (16 B) and secret K (32 B); the caller wipes K. */
export function parseRelayToken(token: string): RelayTokenParts {
  if (typeof token !== "string") throw new TypeError("relay token must be a string");
  if (!token.startsWith(RELAY_TOKEN_PREFIX)) throw new CryptoError("token_bad_prefix", "relay token must start with 1r_");
  if (token.length !== RELAY_TOKEN_LENGTH) {
    throw new CryptoError("token_bad_length", `relay token must be ${RELAY_TOKEN_LENGTH} characters`);
  }
  const body = token.slice(RELAY_TOKEN_PREFIX.length);
  if (!isBase62(body)) throw new CryptoError("token_bad_alphabet", "relay token has a character outside 0-9A-Za-z");
  let payload: Uint8Array;
  try {
    payload = decodeBase62({ text: body.slice(0, PAYLOAD_CHARS), byteLength: PAYLOAD_BYTES });
  } catch {
    throw new CryptoError("token_overflow", "relay token payload is out of range");
  }
  try {
    // Both sides are public (derived from the token presented), so a plain compare is fine.
    if (encodeChecksum(payload) !== body.slice(PAYLOAD_CHARS)) {
      throw new CryptoError("token_bad_checksum", "relay token checksum does not match");
    }
    return {
      connectionId: payload.slice(0, CONNECTION_ID_BYTES),
      secret: payload.slice(CONNECTION_ID_BYTES),
    };
  } finally {
    wipeBytes(payload);
  }
}
