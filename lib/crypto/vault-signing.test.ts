import { describe, expect, it } from "vitest";
import vectorFile from "../../tests/vectors/vault_sign_vectors.json";
import type { JsonValue } from "./canonical-json";
import { decodeHex, encodeHex } from "./encoding";
import { deriveVaultSigningPublicKey, deriveVaultSigningSeed, signVaultRequest, vaultSignedMessage, verifyVaultSignature } from "./vault-signing";

const vectors = vectorFile as unknown as { vectors: { name: string; vaultKey: string; seed: string; publicKey: string; action: string; accountId: string; params: JsonValue; nonce: string; message: string; signature: string }[] };

describe("vault signing key (security model v1.1)", () => {
  for (const v of vectors.vectors) {
    it(`matches the independent vector: ${v.name}`, () => {
      const vaultKey = decodeHex(v.vaultKey);
      const request = { action: v.action, accountId: v.accountId, params: v.params, nonce: v.nonce };
      expect(encodeHex(deriveVaultSigningSeed(vaultKey))).toBe(v.seed);
      expect(deriveVaultSigningPublicKey(vaultKey)).toBe(v.publicKey);
      expect(new TextDecoder().decode(vaultSignedMessage(request))).toBe(v.message);
      // Ed25519 is deterministic (RFC 8032 §5.1.6): the same signature as Python's.
      expect(signVaultRequest({ vaultKey, ...request })).toBe(v.signature);
      expect(verifyVaultSignature({ publicKey: v.publicKey, signature: v.signature, ...request })).toBe(true);
    });
  }

  const v = vectors.vectors[0]!;
  const request = { action: v.action, accountId: v.accountId, params: v.params, nonce: v.nonce };

  it("refuses a signature over anything else: another action, account, parameter or nonce", () => {
    const base = { publicKey: v.publicKey, signature: v.signature };
    expect(verifyVaultSignature({ ...base, ...request, action: "connection.resume" })).toBe(false);
    expect(verifyVaultSignature({ ...base, ...request, accountId: "00000000-0000-4000-8000-000000000000" })).toBe(false);
    expect(verifyVaultSignature({ ...base, ...request, params: { monthlyCapUsd: 26 } })).toBe(false);
    expect(verifyVaultSignature({ ...base, ...request, nonce: "r".repeat(43) })).toBe(false);
  });

  it("refuses another vault's key, and malformed keys or signatures, without throwing", () => {
    const other = vectors.vectors[2]!;
    expect(verifyVaultSignature({ publicKey: other.publicKey, signature: v.signature, ...request })).toBe(false);
    for (const signature of ["", "AAAA", v.signature.slice(0, -1), `${v.signature}A`, "!".repeat(86)]) {
      expect(verifyVaultSignature({ publicKey: v.publicKey, signature, ...request })).toBe(false);
    }
    for (const publicKey of ["", "A".repeat(42), "A".repeat(44)]) {
      expect(verifyVaultSignature({ publicKey, signature: v.signature, ...request })).toBe(false);
    }
  });

  it("refuses a vault key of the wrong size", () => {
    expect(() => deriveVaultSigningSeed(new Uint8Array(16))).toThrow();
  });
});
