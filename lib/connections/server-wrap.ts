// The server's layer around the TK-wrapped CK (security model: SK ──▶ (TK-wrapped CK),
// AAD 1relay/v1/ck-server/<connectionId>/<skId>). SK is a Worker secret, never stored in
// the database, so a database leak alone cannot even start to open a connection. SKs rotate:
// new layers are made with the current one; a layer made with an earlier one is opened with
// the secret its row names (`sk_id`) and re-made with the current one (the gateway does it
// on use), so the earlier secret can be retired once no row names it.
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

/** The current SK and the earlier ones still accepted (RELAY_WRAPPING_PREVIOUS_KEYS). */
export interface ServerKeyring {
  current: ServerSecret;
  previous: readonly ServerSecret[];
}

/** The secret a layer was made with, by its id; null when it was retired (or never existed). */
export function findServerSecret(keyring: ServerKeyring, keyId: string): ServerSecret | null {
  if (keyring.current.keyId === keyId) return keyring.current;
  return keyring.previous.find((k) => k.keyId === keyId) ?? null;
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
