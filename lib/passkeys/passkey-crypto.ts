// VK wrapped for a passkey (security model v1.1, "Passkey unlock (WebAuthn PRF)"): the browser
// derives PRK from the passkey's PRF output and seals VK under it with the passkey's AAD; unlocking
// evaluates the PRF again and opens VK here. The server only ever holds the envelope.
// Pure: the PRF output comes from the caller (navigator.credentials in the browser, a test here).
import { buildVaultPasskeyAad } from "../crypto/aad";
import { assertBytes, wipeBytes } from "../crypto/bytes";
import { openEnvelope, sealEnvelope } from "../crypto/envelope";
import { derivePasskeyWrapKey } from "../crypto/passkey-key";
import { KEY_BYTES } from "../crypto/random";

interface PasskeyContext {
  userId: string;
  credentialId: string;
}

/** PRK for a passkey (wipe it after use): what wraps VK, and what a rotation keeps in hand. */
export function passkeyWrapKey({ credentialId, prfOutput }: { credentialId: string; prfOutput: Uint8Array }): Uint8Array {
  return derivePasskeyWrapKey({ prfOutput, credentialId });
}

/** Seals VK under a passkey's PRK: the envelope the server stores as the passkey's wrapped VK. */
export function wrapVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, vaultKey }: PasskeyContext & { wrapKey: Uint8Array; vaultKey: Uint8Array }): string {
  assertBytes(vaultKey, "vaultKey", KEY_BYTES);
  return sealEnvelope({ key: wrapKey, plaintext: vaultKey, aad: buildVaultPasskeyAad({ userId, credentialId }) });
}

/** Opens a passkey's wrapped VK with its PRK; CryptoError "decrypt_failed" if it is not this passkey's, or was moved. */
export function openVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, wrappedVaultKey }: PasskeyContext & { wrapKey: Uint8Array; wrappedVaultKey: string }): Uint8Array {
  const vaultKey = openEnvelope({ key: wrapKey, envelope: wrappedVaultKey, aad: buildVaultPasskeyAad({ userId, credentialId }) });
  if (vaultKey.length !== KEY_BYTES) {
    wipeBytes(vaultKey);
    throw new RangeError("a passkey's wrapped vault key must hold 32 bytes");
  }
  return vaultKey;
}

/** Wraps VK for a passkey straight from its PRF output (registration). */
export function wrapVaultKeyForPasskey({ userId, credentialId, prfOutput, vaultKey }: PasskeyContext & { prfOutput: Uint8Array; vaultKey: Uint8Array }): string {
  const wrapKey = passkeyWrapKey({ credentialId, prfOutput });
  try {
    return wrapVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, vaultKey });
  } finally {
    wipeBytes(wrapKey);
  }
}

/** Opens VK with a passkey's PRF output (unlock). */
export function openVaultKeyWithPasskey({ userId, credentialId, prfOutput, wrappedVaultKey }: PasskeyContext & { prfOutput: Uint8Array; wrappedVaultKey: string }): Uint8Array {
  const wrapKey = passkeyWrapKey({ credentialId, prfOutput });
  try {
    return openVaultKeyWithPasskeyKey({ userId, credentialId, wrapKey, wrappedVaultKey });
  } finally {
    wipeBytes(wrapKey);
  }
}
