import { expand, extract, hkdf } from "@noble/hashes/hkdf.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import rfc from "../../tests/vectors/rfc_vectors.json";
import wycheproof from "../../tests/vectors/hkdf_sha256_test.json";
import { checkVerifier, computeVerifier, derivePolicyKey, deriveTokenWrapKey } from "./derive-keys";
import { decodeHex, encodeHex } from "./encoding";
import { newConnectionId, newKey } from "./random";

const c = core.connection;

describe("HKDF-SHA256 against Wycheproof hkdf_sha256_test.json", () => {
  const cases = wycheproof.testGroups.flatMap((group) => group.tests);
  it("has every case", () => expect(cases).toHaveLength(86));
  it.each(cases)("tcId $tcId ($result, size $size, $flags)", (t) => {
    const derive = () => hkdf(sha256, decodeHex(t.ikm), decodeHex(t.salt), decodeHex(t.info), t.size);
    if (t.result === "invalid") expect(derive).toThrow();
    else expect(encodeHex(derive())).toBe(t.okm);
  });
});

describe("HKDF-SHA256 against RFC 5869 A.1-A.3", () => {
  const range = (from: number, to: number) => Uint8Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const inputs: Record<number, { ikm: Uint8Array; salt: Uint8Array; info: Uint8Array }> = {
    2: { ikm: range(0x00, 0x4f), salt: range(0x60, 0xaf), info: range(0xb0, 0xff) },
  };
  it.each(rfc.rfc5869_hkdf_sha256)("test case $tc", (v) => {
    const { ikm, salt, info } = inputs[v.tc] ?? { ikm: decodeHex(v.ikm), salt: decodeHex(v.salt), info: decodeHex(v.info) };
    const prk = extract(sha256, ikm, salt);
    expect(encodeHex(prk)).toBe(v.prk); // RFC 5869 §2.2
    expect(encodeHex(expand(sha256, prk, info, v.L))).toBe(v.okm); // §2.3
    expect(encodeHex(hkdf(sha256, ikm, salt, info, v.L))).toBe(v.okm);
  });
});

describe("1Relay key derivations", () => {
  it("TK, PK and the verifier match an independent implementation", () => {
    const secret = decodeHex(c.secretHex);
    expect(encodeHex(deriveTokenWrapKey({ secret, connectionId: c.connectionIdHex }))).toBe(c.tokenWrapKeyHex);
    expect(encodeHex(deriveTokenWrapKey({ secret, connectionId: decodeHex(c.connectionIdHex) }))).toBe(c.tokenWrapKeyHex);
    expect(encodeHex(derivePolicyKey(decodeHex(c.ckHex)))).toBe(c.policyKeyHex);
    expect(encodeHex(computeVerifier(secret))).toBe(c.verifierHex);
  });

  it("binds TK to the connection id and the secret", () => {
    const secret = newKey();
    const connectionId = newConnectionId();
    const tk = deriveTokenWrapKey({ secret, connectionId });
    expect(tk).toHaveLength(32);
    expect(deriveTokenWrapKey({ secret, connectionId: newConnectionId() })).not.toEqual(tk);
    expect(deriveTokenWrapKey({ secret: newKey(), connectionId })).not.toEqual(tk);
    expect(tk).not.toEqual(derivePolicyKey(secret));
  });

  it("checks a secret against its verifier", () => {
    const secret = decodeHex(c.secretHex);
    expect(checkVerifier({ secret, verifier: decodeHex(c.verifierHex) })).toBe(true);
    const other = Uint8Array.from(secret);
    other[31]! ^= 1;
    expect(checkVerifier({ secret: other, verifier: decodeHex(c.verifierHex) })).toBe(false);
  });

  it("checks its inputs", () => {
    expect(() => deriveTokenWrapKey({ secret: new Uint8Array(31), connectionId: newConnectionId() })).toThrow(RangeError);
    expect(() => deriveTokenWrapKey({ secret: newKey(), connectionId: new Uint8Array(32) })).toThrow(RangeError);
    expect(() => deriveTokenWrapKey({ secret: newKey(), connectionId: "not-hex" })).toThrow(TypeError);
    expect(() => derivePolicyKey(new Uint8Array(16))).toThrow(RangeError);
    expect(() => computeVerifier("k" as unknown as Uint8Array)).toThrow(TypeError);
    expect(() => checkVerifier({ secret: newKey(), verifier: new Uint8Array(31) })).toThrow(RangeError);
  });
});
