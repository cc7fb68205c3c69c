import { describe, expect, it } from "vitest";
import vectorFile from "../../tests/vectors/passkey_vectors.json";
import { buildVaultPasskeyAad } from "./aad";
import { decodeHex, encodeBase64Url, encodeHex } from "./encoding";
import { decodeCredentialId, derivePasskeyWrapKey } from "./passkey-key";

const { wraps } = vectorFile as unknown as { wraps: { name: string; prfOutput: string; credentialId: string; userId: string; prk: string; aad: string }[] };

describe("a passkey's wrapping key, PRK = HKDF(prf, credentialId, \"1relay/v1/passkey\")", () => {
  for (const v of wraps) {
    it(`matches the independent vector: ${v.name}`, () => {
      expect(encodeHex(derivePasskeyWrapKey({ prfOutput: decodeHex(v.prfOutput), credentialId: v.credentialId }))).toBe(v.prk);
      expect(buildVaultPasskeyAad({ userId: v.userId, credentialId: v.credentialId })).toBe(v.aad);
    });
  }

  it("depends on the credential: the same PRF output under another credential id gives another key", () => {
    const prfOutput = decodeHex(wraps[0]!.prfOutput);
    const other = encodeBase64Url(new Uint8Array(16).fill(7));
    expect(encodeHex(derivePasskeyWrapKey({ prfOutput, credentialId: other }))).not.toBe(wraps[0]!.prk);
  });

  it("refuses a PRF output that is not 32 bytes, and credential ids outside WebAuthn's 16–1023 bytes or not canonical base64url", () => {
    const credentialId = wraps[0]!.credentialId;
    expect(() => derivePasskeyWrapKey({ prfOutput: new Uint8Array(31), credentialId })).toThrow(RangeError);
    expect(() => derivePasskeyWrapKey({ prfOutput: "x" as unknown as Uint8Array, credentialId })).toThrow(TypeError);
    expect(() => decodeCredentialId(encodeBase64Url(new Uint8Array(15)))).toThrow(RangeError);
    expect(() => decodeCredentialId(encodeBase64Url(new Uint8Array(1024)))).toThrow(RangeError);
    expect(decodeCredentialId(encodeBase64Url(new Uint8Array(1023)))).toHaveLength(1023);
    for (const bad of [`${credentialId}=`, credentialId.replace(/.$/, "/"), `${credentialId.slice(0, -1)}+`]) expect(() => decodeCredentialId(bad)).toThrow();
    expect(() => buildVaultPasskeyAad({ userId: "a/b", credentialId })).toThrow(RangeError);
  });
});
