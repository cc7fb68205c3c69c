import { describe, expect, it } from "vitest";
import { isCryptoError } from "../crypto/errors";
import { newKey } from "../crypto/random";
import { sealToApp, openSealed, newAppKeyPair } from "../crypto/seal";
import { newTabKeyPair, openVaultKeyFromTab, sealVaultKeyToTab } from "./tab-share-crypto";

const userId = "0b6f1c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e";
const requestId = "1".repeat(32);

describe("the vault key sealed from tab to tab", () => {
  it("opens only for the asking tab's key, account and request", () => {
    const vaultKey = newKey();
    const asker = newTabKeyPair();
    const sealed = sealVaultKeyToTab({ vaultKey, tabPublicKey: asker.publicKey, userId, requestId });
    expect(openVaultKeyFromTab({ sealed, privateKey: asker.privateKey, userId, requestId })).toEqual(vaultKey);
    const failures = [
      () => openVaultKeyFromTab({ sealed, privateKey: newTabKeyPair().privateKey, userId, requestId }),
      () => openVaultKeyFromTab({ sealed, privateKey: asker.privateKey, userId: "ffffffff-2d3a-4b5c-8d9e-0f1a2b3c4d5e", requestId }),
      () => openVaultKeyFromTab({ sealed, privateKey: asker.privateKey, userId, requestId: "2".repeat(32) }),
    ];
    for (const attempt of failures) expect(() => attempt()).toThrow(expect.objectContaining({ code: "decrypt_failed" }));
  });

  it("is a domain of its own: an app seal never opens as a tab share, nor the reverse", () => {
    const pair = newAppKeyPair();
    const secret = newKey();
    const appSealed = sealToApp({ clientId: "app_x", connectionId: requestId, appPublicKey: pair.publicKey, secret });
    let error: unknown = null;
    try {
      openVaultKeyFromTab({ sealed: appSealed, privateKey: pair.privateKey, userId, requestId });
    } catch (e) {
      error = e;
    }
    expect(isCryptoError(error, "decrypt_failed")).toBe(true);
    const tabSealed = sealVaultKeyToTab({ vaultKey: secret, tabPublicKey: Buffer.from(pair.publicKey).toString("base64url"), userId, requestId });
    expect(() => openSealed({ clientId: "app_x", connectionId: requestId, appPrivateKey: pair.privateKey, sealed: tabSealed })).toThrow();
  });
});
