// The server's layer around the TK-wrapped CK (security model: SK ──▶ (TK-wrapped CK),
// AAD 1relay/v1/ck-server/<connectionId>/<skId>). SK is a Worker secret, never stored in
// the database, so a database leak alone cannot even start to open a connection.
import { buildCkServerAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { decodeBase64Url, decodeUtf8, encodeUtf8 } from "../crypto/encoding";
import { openEnvelope, sealEnvelope } from "../crypto/envelope";

export interface ServerSecret {
  /** RELAY_WRAPPING_SECRET, 32 bytes in base64url. */
  secret: string;
  /** RELAY_WRAPPING_KEY_ID, for rotation. */
  keyId: string;
}

function keyOf(sk: ServerSecret): Uint8Array {
  const key = decodeBase64Url(sk.secret);
  if (key.length !== 32) throw new RangeError("RELAY_WRAPPING_SECRET must be 32 bytes");
  return key;
}

export function wrapForServer({ sk, connectionId, ckToken }: { sk: ServerSecret; connectionId: string; ckToken: string }): string {
  const key = keyOf(sk);
  const plaintext = encodeUtf8(ckToken);
  try {
    return sealEnvelope({ key, plaintext, aad: buildCkServerAad({ connectionId, skId: sk.keyId }) });
  } finally {
    wipeBytes(key, plaintext);
  }
}

export function unwrapForServer({ sk, connectionId, ckServer }: { sk: ServerSecret; connectionId: string; ckServer: string }): string {
  const key = keyOf(sk);
  let plaintext: Uint8Array | undefined;
  try {
    plaintext = openEnvelope({ key, envelope: ckServer, aad: buildCkServerAad({ connectionId, skId: sk.keyId }) });
    return decodeUtf8(plaintext);
  } finally {
    wipeBytes(key, plaintext);
  }
}
