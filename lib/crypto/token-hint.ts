/**
 * A relay token's display hint, from its connection id alone (security model v1.1,
 * "Encodings"): never from the token's own characters, whose tail is the CRC-32 of the
 * connection id and the secret K. The hint is the token's leading characters after `1r_`:
 * base62 of the 48-byte payload is big-endian, so its first 6 digits are fixed by the
 * connection id (the top 128 bits) except with probability below 2^-95 (when adding K carries
 * across a multiple of 62^59). A person recognises a token by how it starts: `1r_0Ab3Xy…`.
 */
import { encodeBase62 } from "./base62";
import { concatBytes } from "./bytes";
import { type ConnectionIdInput, toConnectionIdBytes } from "./connection-id";
import { KEY_BYTES } from "./random";

export const TOKEN_HINT_CHARS = 6;
const PAYLOAD_CHARS = 65;

export function tokenHintFromConnectionId(connectionId: ConnectionIdInput): string {
  const payload = concatBytes(toConnectionIdBytes(connectionId), new Uint8Array(KEY_BYTES));
  return encodeBase62({ bytes: payload, width: PAYLOAD_CHARS }).slice(0, TOKEN_HINT_CHARS);
}
