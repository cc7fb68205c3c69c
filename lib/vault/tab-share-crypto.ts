// The vault key between two tabs of the same browser session (lib/vault/vault-share.ts), sealed
// to the asking tab's one-time X25519 key: even on the same-origin channel, only the tab that
// asked can open it. Domain-separated from the app seal: HKDF info "1relay/v1/tab-share",
// AAD 1relay/v1/tab-share/<userId>/<requestId>.
import { encodeBase64Url } from "../crypto/encoding";
import { newAppKeyPair, openSealedWith, parseAppPublicKey, sealToPublicKey } from "../crypto/seal";

export const TAB_SHARE_INFO = "1relay/v1/tab-share";
const REQUEST_ID = /^[0-9a-f]{32}$/;
const USER_ID = /^[0-9a-f-]{1,64}$/;

export function tabShareAad({ userId, requestId }: { userId: string; requestId: string }): string {
  if (!USER_ID.test(userId) || !REQUEST_ID.test(requestId)) throw new TypeError("userId and requestId must be ids");
  return `${TAB_SHARE_INFO}/${userId}/${requestId}`;
}

/** The asking tab's one-time key pair (the private key never leaves the tab; wipe it after use). */
export function newTabKeyPair(): { privateKey: Uint8Array; publicKey: string } {
  const pair = newAppKeyPair();
  return { privateKey: pair.privateKey, publicKey: encodeBase64Url(pair.publicKey) };
}

/** VK sealed to the asking tab (throws on a malformed or low-order key). */
export function sealVaultKeyToTab({ vaultKey, tabPublicKey, userId, requestId }: { vaultKey: Uint8Array; tabPublicKey: string; userId: string; requestId: string }): string {
  return sealToPublicKey({ recipientPublicKey: parseAppPublicKey(tabPublicKey), secret: vaultKey, info: TAB_SHARE_INFO, aad: tabShareAad({ userId, requestId }) });
}

/** Opens it in the asking tab; throws CryptoError "decrypt_failed" for anything else. */
export function openVaultKeyFromTab({ sealed, privateKey, userId, requestId }: { sealed: string; privateKey: Uint8Array; userId: string; requestId: string }): Uint8Array {
  return openSealedWith({ privateKey, sealed, info: TAB_SHARE_INFO, aad: tabShareAad({ userId, requestId }) });
}

