import { describe, expect, it } from "vitest";
import { isCryptoError } from "../crypto/errors";
import { deriveMasterKey, type Argon2Params } from "../crypto/kdf";
import { createVaultKey, newItemId, openProviderKey, openVaultKey, sealProviderKey, wrapVaultKey, type DeriveKey } from "./vault-crypto";

const fast: Argon2Params = { m: 19 * 1024, t: 2, p: 1 };
// The real Argon2id at the minimum allowed cost, so the tests stay quick.
const deriveFast: DeriveKey = (input) => deriveMasterKey({ ...input, params: input.params });
const userId = "7f1c3e0a-0000-4000-8000-000000000001";

async function newVault(password = "correct horse battery staple 42") {
  const vaultKey = crypto.getRandomValues(new Uint8Array(32));
  const wrapped = await wrapVaultKey({ userId, vaultKey, password, params: fast, deriveKey: deriveFast });
  return { vaultKey, wrapped, password };
}

describe("vault crypto", () => {
  it("opens the vault key with the right password and reports progress", async () => {
    const { vaultKey, wrapped, password } = await newVault();
    const progress: number[] = [];
    const opened = await openVaultKey({ userId, vault: wrapped, password, deriveKey: deriveFast, onProgress: (p) => progress.push(p) });
    expect(opened).toEqual(vaultKey);
    expect(progress.length).toBeGreaterThan(0);
  });

  it("fails locally with decrypt_failed on a wrong password", async () => {
    const { wrapped } = await newVault();
    await expect(openVaultKey({ userId, vault: wrapped, password: "wrong password entirely", deriveKey: deriveFast })).rejects.toSatisfy(
      (e: unknown) => isCryptoError(e, "decrypt_failed"),
    );
  });

  it("binds the wrapped key to its owner and parameters", async () => {
    const { wrapped, password } = await newVault();
    const otherUser = openVaultKey({ userId: "someone-else", vault: wrapped, password, deriveKey: deriveFast });
    await expect(otherUser).rejects.toSatisfy((e: unknown) => isCryptoError(e, "decrypt_failed"));
    const weakened = openVaultKey({ userId, vault: { ...wrapped, kdfParams: { ...fast, t: 3 } }, password, deriveKey: deriveFast });
    await expect(weakened).rejects.toSatisfy((e: unknown) => isCryptoError(e, "decrypt_failed"));
  });

  it("refuses Argon2id parameters outside the safe bounds, whatever the server says", async () => {
    const { wrapped, password } = await newVault();
    await expect(openVaultKey({ userId, vault: { ...wrapped, kdfParams: { m: 1024, t: 1, p: 1 } }, password, deriveKey: deriveFast })).rejects.toThrow(RangeError);
    await expect(openVaultKey({ userId, vault: { ...wrapped, kdfParams: { m: 4 * 1024 * 1024, t: 3, p: 4 } }, password, deriveKey: deriveFast })).rejects.toThrow(RangeError);
  });

  it("re-wraps the same vault key under a new password and salt", async () => {
    const { vaultKey, wrapped } = await newVault();
    const rewrapped = await wrapVaultKey({ userId, vaultKey, password: "a brand new passphrase 99", params: fast, deriveKey: deriveFast });
    expect(rewrapped.salt).not.toBe(wrapped.salt);
    expect(await openVaultKey({ userId, vault: rewrapped, password: "a brand new passphrase 99", deriveKey: deriveFast })).toEqual(vaultKey);
  });

  it("creates a vault at the default parameters unless told otherwise", async () => {
    const seen: Argon2Params[] = [];
    const spy: DeriveKey = async (input) => {
      seen.push(input.params);
      return deriveFast({ ...input, params: fast });
    };
    const { wrapped } = await createVaultKey({ userId, password: "whatever it is 123", deriveKey: spy });
    expect(seen).toEqual([{ m: 65536, t: 3, p: 4 }]);
    expect(wrapped.kdfParams).toEqual({ m: 65536, t: 3, p: 4 });
  });

  it("seals provider keys to their item, provider and version", async () => {
    const vaultKey = crypto.getRandomValues(new Uint8Array(32));
    const itemId = newItemId();
    expect(itemId).toMatch(/^[0-9a-f]{32}$/);
    const secret = "sk-proj-" + "k".repeat(40);
    const sealedKey = sealProviderKey({ userId, vaultKey, itemId, provider: "openai", keyVersion: 1, secret });
    expect(sealedKey).not.toContain("kkkk");
    const item = { id: itemId, provider: "openai" as const, keyVersion: 1, sealedKey };
    expect(openProviderKey({ userId, vaultKey, item })).toBe(secret);
    for (const moved of [{ ...item, id: newItemId() }, { ...item, provider: "gemini" as const }, { ...item, keyVersion: 2 }]) {
      expect(() => openProviderKey({ userId, vaultKey, item: moved })).toThrow(/decrypt|authenticat/i);
    }
    expect(() => openProviderKey({ userId: "other", vaultKey, item })).toThrow();
  });
});
