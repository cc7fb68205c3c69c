// The vault's cryptography as the browser runs it (security model, "Key hierarchy"):
// MK = Argon2id(password, salt, params) wraps a random VK; VK seals each provider key.
// Pure: the Argon2id runner is injected (a Web Worker in the browser, direct in tests).
import { buildItemAad, buildVaultAad } from "../crypto/aad";
import { wipeBytes } from "../crypto/bytes";
import { decodeBase64Url, decodeUtf8, encodeBase64Url, encodeHex, encodeUtf8 } from "../crypto/encoding";
import { openEnvelope, sealEnvelope } from "../crypto/envelope";
import { DEFAULT_ARGON2_PARAMS, type Argon2Params } from "../crypto/kdf";
import { newKey, newSalt, randomBytes } from "../crypto/random";
import type { ProviderId, VaultItemRecord, VaultRecord } from "./wire";

export type DeriveKey = (input: {
  password: string;
  salt: Uint8Array;
  params: Argon2Params;
  onProgress?: (fraction: number) => void;
}) => Promise<Uint8Array>;

export interface WrappedVault {
  salt: string;
  kdfParams: Argon2Params;
  wrappedVaultKey: string;
}

/** Wraps `vaultKey` under a master key freshly derived from `password` with a new salt. */
export async function wrapVaultKey({
  userId,
  vaultKey,
  password,
  params = DEFAULT_ARGON2_PARAMS,
  deriveKey,
  onProgress,
}: {
  userId: string;
  vaultKey: Uint8Array;
  password: string;
  params?: Argon2Params;
  deriveKey: DeriveKey;
  onProgress?: (fraction: number) => void;
}): Promise<WrappedVault> {
  const salt = newSalt();
  const masterKey = await deriveKey({ password, salt, params, onProgress });
  try {
    const wrappedVaultKey = sealEnvelope({ key: masterKey, plaintext: vaultKey, aad: buildVaultAad({ userId, salt, params }) });
    return { salt: encodeBase64Url(salt), kdfParams: { ...params }, wrappedVaultKey };
  } finally {
    wipeBytes(masterKey);
  }
}

/** A new vault: a random VK wrapped under the password. The caller keeps VK in memory only. */
export async function createVaultKey(input: {
  userId: string;
  password: string;
  deriveKey: DeriveKey;
  onProgress?: (fraction: number) => void;
}): Promise<{ wrapped: WrappedVault; vaultKey: Uint8Array }> {
  const vaultKey = newKey();
  return { wrapped: await wrapVaultKey({ ...input, vaultKey }), vaultKey };
}

/**
 * Opens VK with the password. A wrong password fails the GCM tag here, locally:
 * CryptoError "decrypt_failed". Parameters outside the safe bounds are refused
 * whatever the server sent (deriveMasterKey checks them).
 */
export async function openVaultKey({
  userId,
  vault,
  password,
  deriveKey,
  onProgress,
}: {
  userId: string;
  vault: Pick<VaultRecord, "salt" | "kdfParams" | "wrappedVaultKey">;
  password: string;
  deriveKey: DeriveKey;
  onProgress?: (fraction: number) => void;
}): Promise<Uint8Array> {
  const salt = decodeBase64Url(vault.salt);
  const masterKey = await deriveKey({ password, salt, params: vault.kdfParams, onProgress });
  try {
    return openEnvelope({ key: masterKey, envelope: vault.wrappedVaultKey, aad: buildVaultAad({ userId, salt, params: vault.kdfParams }) });
  } finally {
    wipeBytes(masterKey);
  }
}

/** A fresh item id (16 random bytes as 32 hex): drawn here because it is part of the AAD. */
export function newItemId(): string {
  return encodeHex(randomBytes(16));
}

export function sealProviderKey({
  userId,
  vaultKey,
  itemId,
  provider,
  keyVersion,
  secret,
}: {
  userId: string;
  vaultKey: Uint8Array;
  itemId: string;
  provider: ProviderId;
  keyVersion: number;
  secret: string;
}): string {
  const plaintext = encodeUtf8(secret);
  try {
    return sealEnvelope({ key: vaultKey, plaintext, aad: buildItemAad({ userId, itemId, provider, itemVersion: keyVersion }) });
  } finally {
    wipeBytes(plaintext);
  }
}

export function openProviderKey({
  userId,
  vaultKey,
  item,
}: {
  userId: string;
  vaultKey: Uint8Array;
  item: Pick<VaultItemRecord, "id" | "provider" | "keyVersion" | "sealedKey">;
}): string {
  const plaintext = openEnvelope({
    key: vaultKey,
    envelope: item.sealedKey,
    aad: buildItemAad({ userId, itemId: item.id, provider: item.provider, itemVersion: item.keyVersion }),
  });
  try {
    return decodeUtf8(plaintext);
  } finally {
    wipeBytes(plaintext);
  }
}
