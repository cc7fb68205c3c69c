/**
 * Builders for every AAD label of the key hierarchy (security model, "Key
 * hierarchy" and "App authorization"). Each label names what a ciphertext
 * is and whose it is, so a ciphertext moved to another row, owner, version
 * or purpose fails its GCM tag check (NIST SP 800-38D §5.2.1).
 *
 * Parts are joined with "/", so a part may not be empty, contain "/", or
 * contain control characters; versions are non-negative integers.
 */
import { assertBytes } from "./bytes";
import { encodeBase64Url } from "./encoding";
import { type ConnectionIdInput, toConnectionIdText } from "./connection-id";
import { type Argon2Params, formatArgon2Params } from "./kdf";
import { decodeCredentialId } from "./passkey-key";
import { SALT_BYTES } from "./random";

const LABEL_PREFIX = "1relay/v1";
const MAX_PART_LENGTH = 256;

function checkPart(value: unknown, name: string): string {
  if (typeof value !== "string") throw new TypeError(`${name} must be a string`);
  if (value.length === 0) throw new RangeError(`${name} must not be empty`);
  if (value.length > MAX_PART_LENGTH) throw new RangeError(`${name} is longer than ${MAX_PART_LENGTH}`);
  if (value.includes("/")) throw new RangeError(`${name} must not contain "/"`);
  if (/[\u0000-\u001f\u007f]/.test(value)) throw new RangeError(`${name} must not contain control characters`);
  return value;
}

function checkVersion(value: unknown, name: string): string {
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative integer`);
  }
  return String(value);
}

function label(purpose: string, ...parts: string[]): string {
  return [LABEL_PREFIX, purpose, ...parts].join("/");
}

/** VK under MK: `1relay/v1/vault/<userId>/<salt b64url>/<m=…,t=…,p=…>`. */
export function buildVaultAad({ userId, salt, params }: { userId: string; salt: Uint8Array; params: Argon2Params }): string {
  assertBytes(salt, "salt", SALT_BYTES);
  return label("vault", checkPart(userId, "userId"), encodeBase64Url(salt), formatArgon2Params(params));
}

/**
 * VK under a passkey's PRK: `1relay/v1/vault-passkey/<userId>/<credentialId>`, the credential id as
 * its unpadded base64url (the credential's `id`; canonical, 16–1023 bytes, so up to 1364 characters).
 */
export function buildVaultPasskeyAad({ userId, credentialId }: { userId: string; credentialId: string }): string {
  decodeCredentialId(credentialId);
  return label("vault-passkey", checkPart(userId, "userId"), credentialId);
}

/** A provider key under VK: `1relay/v1/item/<userId>/<itemId>/<provider>/<itemVersion>`. */
export function buildItemAad(input: { userId: string; itemId: string; provider: string; itemVersion: number }): string {
  return label(
    "item",
    checkPart(input.userId, "userId"),
    checkPart(input.itemId, "itemId"),
    checkPart(input.provider, "provider"),
    checkVersion(input.itemVersion, "itemVersion"),
  );
}

/** CK under VK: `1relay/v1/ck-vault/<userId>/<connectionId>`. */
export function buildCkVaultAad({ userId, connectionId }: { userId: string; connectionId: ConnectionIdInput }): string {
  return label("ck-vault", checkPart(userId, "userId"), toConnectionIdText(connectionId));
}

/** CK under TK: `1relay/v1/ck-token/<connectionId>`. */
export function buildCkTokenAad({ connectionId }: { connectionId: ConnectionIdInput }): string {
  return label("ck-token", toConnectionIdText(connectionId));
}

/** The TK-wrapped CK under SK: `1relay/v1/ck-server/<connectionId>/<skId>`. */
export function buildCkServerAad({ connectionId, skId }: { connectionId: ConnectionIdInput; skId: string }): string {
  return label("ck-server", toConnectionIdText(connectionId), checkPart(skId, "skId"));
}

/** A provider key under CK: `1relay/v1/grant/<connectionId>/<provider>/<itemId>/<itemVersion>`. */
export function buildGrantAad(input: {
  connectionId: ConnectionIdInput;
  provider: string;
  itemId: string;
  itemVersion: number;
}): string {
  return label(
    "grant",
    toConnectionIdText(input.connectionId),
    checkPart(input.provider, "provider"),
    checkPart(input.itemId, "itemId"),
    checkVersion(input.itemVersion, "itemVersion"),
  );
}

/** K sealed to an app: `1relay/v1/seal/<clientId>/<connectionId>`. */
export function buildSealAad({ clientId, connectionId }: { clientId: string; connectionId: ConnectionIdInput }): string {
  return label("seal", checkPart(clientId, "clientId"), toConnectionIdText(connectionId));
}
