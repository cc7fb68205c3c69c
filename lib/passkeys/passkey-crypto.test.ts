import { describe, expect, it } from "vitest";
import vectorFile from "../../tests/vectors/passkey_vectors.json";
import { decodeHex, encodeHex } from "../crypto/encoding";
import { isCryptoError } from "../crypto/errors";
import { openVaultKeyWithPasskey, wrapVaultKeyForPasskey } from "./passkey-crypto";

const { wraps } = vectorFile as unknown as { wraps: { name: string; prfOutput: string; credentialId: string; userId: string; vaultKey: string; wrappedVaultKey: string }[] };

describe("VK wrapped for a passkey", () => {
  for (const v of wraps) {
    it(`opens the independent vector's envelope: ${v.name}`, () => {
      const vaultKey = openVaultKeyWithPasskey({ userId: v.userId, credentialId: v.credentialId, prfOutput: decodeHex(v.prfOutput), wrappedVaultKey: v.wrappedVaultKey });
      expect(encodeHex(vaultKey)).toBe(v.vaultKey);
    });
  }

  const v = wraps[1]!;
  const input = { userId: v.userId, credentialId: v.credentialId, prfOutput: decodeHex(v.prfOutput) };

  it("round-trips with a fresh nonce each time", () => {
    const vaultKey = decodeHex(v.vaultKey);
    const a = wrapVaultKeyForPasskey({ ...input, vaultKey });
    const b = wrapVaultKeyForPasskey({ ...input, vaultKey });
    expect(a).not.toBe(b);
    expect(encodeHex(openVaultKeyWithPasskey({ ...input, wrappedVaultKey: a }))).toBe(v.vaultKey);
  });

  it("fails to open with another PRF output, for another account or credential (the AAD), or tampered", () => {
    const fails = (run: () => unknown) => {
      try {
        run();
        return false;
      } catch (error) {
        return isCryptoError(error, "decrypt_failed");
      }
    };
    const other = wraps[0]!;
    expect(fails(() => openVaultKeyWithPasskey({ ...input, prfOutput: decodeHex(other.prfOutput), wrappedVaultKey: v.wrappedVaultKey }))).toBe(true);
    expect(fails(() => openVaultKeyWithPasskey({ ...input, userId: other.userId, wrappedVaultKey: v.wrappedVaultKey }))).toBe(true);
    expect(fails(() => openVaultKeyWithPasskey({ ...input, credentialId: wraps[2]!.credentialId, wrappedVaultKey: v.wrappedVaultKey }))).toBe(true);
    const at = v.wrappedVaultKey.length - 10;
    const tampered = v.wrappedVaultKey.slice(0, at) + (v.wrappedVaultKey[at] === "A" ? "B" : "A") + v.wrappedVaultKey.slice(at + 1);
    expect(fails(() => openVaultKeyWithPasskey({ ...input, wrappedVaultKey: tampered }))).toBe(true);
  });

  it("wraps only a 32-byte vault key", () => {
    expect(() => wrapVaultKeyForPasskey({ ...input, vaultKey: new Uint8Array(16) })).toThrow(RangeError);
  });
});
