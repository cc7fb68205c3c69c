/**
 * Authenticator data (WebAuthn L3 §6.1): rpIdHash (32) ‖ flags (1) ‖ signCount (4, big-endian)
 * ‖ attested credential data (if AT: aaguid 16 ‖ credentialIdLength 2 ‖ credentialId ‖ COSE key)
 * ‖ extensions (if ED: a CBOR map). Nothing may follow.
 */
import { decodeCborItem, expectCborMap } from "./cbor";
import { WebAuthnError } from "./webauthn-error";

export interface AuthenticatorFlags {
  userPresent: boolean;
  userVerified: boolean;
  backupEligible: boolean;
  backedUp: boolean;
  attestedData: boolean;
  extensionData: boolean;
}

export interface AuthenticatorData {
  rpIdHash: Uint8Array;
  flags: AuthenticatorFlags;
  signCount: number;
  attested: { aaguid: Uint8Array; credentialId: Uint8Array; publicKey: Uint8Array } | null;
}

const malformed = (why: string) => new WebAuthnError("malformed", `authenticator data: ${why}`);

function readFlags(byte: number): AuthenticatorFlags {
  // §6.1 bit 0 UP, bit 2 UV, bit 3 BE, bit 4 BS, bit 6 AT, bit 7 ED.
  return {
    userPresent: (byte & 0x01) !== 0,
    userVerified: (byte & 0x04) !== 0,
    backupEligible: (byte & 0x08) !== 0,
    backedUp: (byte & 0x10) !== 0,
    attestedData: (byte & 0x40) !== 0,
    extensionData: (byte & 0x80) !== 0,
  };
}

/** Parses authenticator data strictly: every byte accounted for. */
export function parseAuthenticatorData(data: Uint8Array): AuthenticatorData {
  if (data.length < 37) throw malformed("shorter than 37 bytes");
  const flags = readFlags(data[32]!);
  const signCount = new DataView(data.buffer, data.byteOffset + 33, 4).getUint32(0, false);
  let at = 37;
  let attested: AuthenticatorData["attested"] = null;
  if (flags.attestedData) {
    if (data.length < at + 18) throw malformed("attested credential data is cut short");
    const aaguid = data.slice(at, at + 16);
    const idLength = (data[at + 16]! << 8) | data[at + 17]!;
    at += 18;
    if (idLength === 0 || idLength > 1023 || data.length < at + idLength) throw malformed("bad credential id length");
    const credentialId = data.slice(at, at + idLength);
    at += idLength;
    const key = decodeCborItem(data, at);
    expectCborMap(key.value, "the credential public key");
    attested = { aaguid, credentialId, publicKey: data.slice(at, key.end) };
    at = key.end;
  }
  if (flags.extensionData) {
    const extensions = decodeCborItem(data, at);
    expectCborMap(extensions.value, "extensions");
    at = extensions.end;
  }
  if (at !== data.length) throw malformed("trailing bytes");
  return { rpIdHash: data.slice(0, 32), flags, signCount, attested };
}
