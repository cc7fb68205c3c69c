import { argon2id } from "@noble/hashes/argon2.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import rfc from "../../tests/vectors/rfc_vectors.json";
import { decodeHex, encodeHex, encodeUtf8 } from "./encoding";
import {
  ARGON2_PARAM_BOUNDS,
  type Argon2Params,
  assertArgon2Params,
  DEFAULT_ARGON2_PARAMS,
  deriveMasterKey,
  formatArgon2Params,
  needsParamUpgrade,
  parseArgon2Params,
} from "./kdf";
import { newSalt } from "./random";

const FAST: Argon2Params = { m: 19456, t: 2, p: 1 };

describe("Argon2id parameter bounds", () => {
  it("has the contract's default and bounds", () => {
    expect(DEFAULT_ARGON2_PARAMS).toEqual({ m: 65536, t: 3, p: 4 });
    expect(ARGON2_PARAM_BOUNDS).toEqual({ m: { min: 19456, max: 1048576 }, t: { min: 2, max: 10 }, p: { min: 1, max: 8 } });
  });

  it("accepts the corners of the allowed box", () => {
    for (const m of [19456, 1048576]) for (const t of [2, 10]) for (const p of [1, 8]) expect(() => assertArgon2Params({ m, t, p })).not.toThrow();
  });

  it.each([
    { m: 19455, t: 3, p: 4 },
    { m: 1048577, t: 3, p: 4 },
    { m: 0, t: 3, p: 4 },
    { m: -65536, t: 3, p: 4 },
    { m: 65536, t: 1, p: 4 },
    { m: 65536, t: 11, p: 4 },
    { m: 65536, t: 0, p: 4 },
    { m: 65536, t: 3, p: 0 },
    { m: 65536, t: 3, p: 9 },
    { m: 2 ** 40, t: 3, p: 4 },
  ])("refuses out-of-range params %j with RangeError", (params) => {
    expect(() => assertArgon2Params(params)).toThrow(RangeError);
    expect(() => formatArgon2Params(params)).toThrow(RangeError);
    return expect(deriveMasterKey({ password: "pw", salt: newSalt(), params })).rejects.toThrow(RangeError);
  });

  it.each([
    { m: 65536.5, t: 3, p: 4 },
    { m: Number.NaN, t: 3, p: 4 },
    { m: Number.POSITIVE_INFINITY, t: 3, p: 4 },
    { m: "65536", t: 3, p: 4 },
    { t: 3, p: 4 },
    null,
    "m=65536,t=3,p=4",
  ])("refuses malformed params %j with TypeError", (params) => {
    expect(() => assertArgon2Params(params)).toThrow(TypeError);
  });

  it("flags params below the default for upgrade", () => {
    expect(needsParamUpgrade(DEFAULT_ARGON2_PARAMS)).toBe(false);
    expect(needsParamUpgrade({ m: 1048576, t: 10, p: 8 })).toBe(false);
    expect(needsParamUpgrade({ m: 65535, t: 3, p: 4 })).toBe(true);
    expect(needsParamUpgrade({ m: 65536, t: 2, p: 4 })).toBe(true);
    expect(needsParamUpgrade({ m: 65536, t: 3, p: 3 })).toBe(true);
    expect(needsParamUpgrade(FAST)).toBe(true);
  });

  it("has one canonical text form", () => {
    expect(formatArgon2Params(DEFAULT_ARGON2_PARAMS)).toBe("m=65536,t=3,p=4");
    expect(parseArgon2Params("m=19456,t=2,p=1")).toEqual(FAST);
    for (const bad of ["m=65536, t=3, p=4", "m=065536,t=3,p=4", "t=3,m=65536,p=4", "m=65536,t=3", "m=65536,t=3,p=4,"]) {
      expect(() => parseArgon2Params(bad)).toThrow(TypeError);
    }
    expect(() => parseArgon2Params("m=1024,t=3,p=4")).toThrow(RangeError);
  });
});

describe("deriveMasterKey", () => {
  it("matches an independent Argon2id implementation, NFKC included", async () => {
    const mk = await deriveMasterKey({
      password: core.masterKey.password,
      salt: decodeHex(core.masterKey.saltHex),
      params: core.masterKey.params,
    });
    expect(encodeHex(mk)).toBe(core.masterKey.mkHex);
  });

  it("derives the same key from any Unicode spelling of a password", async () => {
    const salt = newSalt();
    const composed = await deriveMasterKey({ password: "caf\u00e9 \uFB01", salt, params: FAST });
    const decomposed = await deriveMasterKey({ password: "cafe\u0301 fi", salt, params: FAST });
    expect(composed).toEqual(decomposed);
  });

  it("depends on the salt and the params", async () => {
    const salt = newSalt();
    const a = await deriveMasterKey({ password: "pw", salt, params: FAST });
    const b = await deriveMasterKey({ password: "pw", salt: newSalt(), params: FAST });
    const c = await deriveMasterKey({ password: "pw", salt, params: { ...FAST, t: 3 } });
    expect(a).toHaveLength(32);
    expect(a).not.toEqual(b);
    expect(a).not.toEqual(c);
  });

  it("works at the default params and reports progress", async () => {
    const progress: number[] = [];
    const v = core.masterKeyDefaultParams;
    expect(v.params).toEqual(DEFAULT_ARGON2_PARAMS);
    const mk = await deriveMasterKey({
      password: v.password,
      salt: decodeHex(v.saltHex),
      params: DEFAULT_ARGON2_PARAMS,
      onProgress: (p) => progress.push(p),
    });
    expect(encodeHex(mk)).toBe(v.mkHex);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
  });

  it("checks its inputs", async () => {
    await expect(deriveMasterKey({ password: "pw", salt: new Uint8Array(8), params: FAST })).rejects.toThrow(RangeError);
    await expect(deriveMasterKey({ password: "", salt: newSalt(), params: FAST })).rejects.toThrow(RangeError);
    await expect(deriveMasterKey({ password: "a\uD800", salt: newSalt(), params: FAST })).rejects.toThrow(TypeError);
    await expect(
      deriveMasterKey({ password: "pw", salt: newSalt(), params: FAST, onProgress: 1 as unknown as () => void }),
    ).rejects.toThrow(TypeError);
  });
});

describe("Argon2id library known answers", () => {
  it("RFC 9106 §5.3 (secret = noble key, associated data = noble personalization)", () => {
    const v = rfc.rfc9106_5_3_argon2id;
    const tag = argon2id(decodeHex(v.password_hex), decodeHex(v.salt_hex), {
      m: v.memory_kib,
      t: v.passes,
      p: v.lanes,
      dkLen: v.tag_length,
      version: 0x13,
      key: decodeHex(v.secret_hex),
      personalization: decodeHex(v.associated_data_hex),
    });
    expect(encodeHex(tag)).toBe(v.tag_hex);
  });

  it("Bitwarden SDK cross-vector (m = 32 MiB, t = 4, p = 2)", () => {
    const v = rfc.bitwarden_sdk_internal_cross_vectors.argon2id_master_key;
    const out = argon2id(encodeUtf8(v.password), sha256(encodeUtf8("test_key")), { m: v.m_kib, t: v.t, p: v.p, dkLen: v.dkLen });
    expect(encodeHex(out)).toBe(v.out_hex);
  });
});
