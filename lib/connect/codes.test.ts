import { sha256 } from "@noble/hashes/sha2.js";
import { describe, expect, it } from "vitest";
import { encodeHex, encodeUtf8 } from "../crypto/encoding";
import {
  AUTH_CODE_PATTERN,
  AUTH_CODE_TTL_MS,
  CLIENT_ID_PATTERN,
  CLIENT_ID_SYNTAX,
  CLIENT_SECRET_PATTERN,
  hashClientSecret,
  hashCode,
  newAuthorizationCode,
  newClientId,
  newClientSecret,
  verifyClientSecret,
} from "./codes";

describe("authorization codes", () => {
  it("are 43 base64url characters (256 bits), all different", () => {
    const codes = new Set(Array.from({ length: 50 }, newAuthorizationCode));
    expect(codes.size).toBe(50);
    for (const code of codes) expect(code).toMatch(AUTH_CODE_PATTERN);
  });
  it("hash as hex SHA-256 of the domain prefix and the code", () => {
    expect(hashCode("abc")).toBe(encodeHex(sha256(encodeUtf8("1relay/v1/auth-codeabc"))));
    expect(hashCode("abc")).toMatch(/^[0-9a-f]{64}$/);
    expect(hashCode("abc")).not.toBe(hashClientSecret("abc"));
  });
  it("refuse bad hash input", () => {
    expect(() => hashCode("")).toThrow(RangeError);
    expect(() => hashCode("x".repeat(513))).toThrow(RangeError);
    expect(() => hashCode(1 as unknown as string)).toThrow(TypeError);
  });
  it("live 60 seconds", () => expect(AUTH_CODE_TTL_MS).toBe(60_000));
});

describe("client ids and secrets", () => {
  it("have their formats", () => {
    const id = newClientId();
    expect(id).toMatch(CLIENT_ID_PATTERN);
    expect(id).toMatch(CLIENT_ID_SYNTAX);
    expect(id).not.toBe(newClientId());
    const secret = newClientSecret();
    expect(secret).toMatch(CLIENT_SECRET_PATTERN);
    expect(secret).toHaveLength(47);
  });
  it("hash secrets with their own prefix", () => {
    expect(hashClientSecret("s")).toBe(encodeHex(sha256(encodeUtf8("1relay/v1/client-secrets"))));
  });
  it("verify a secret against its stored hash", () => {
    const secret = newClientSecret();
    const storedHash = hashClientSecret(secret);
    expect(verifyClientSecret({ secret, storedHash })).toBe(true);
    expect(verifyClientSecret({ secret: newClientSecret(), storedHash })).toBe(false);
    expect(verifyClientSecret({ secret: "nope", storedHash })).toBe(false);
    expect(verifyClientSecret({ secret, storedHash: "zz" })).toBe(false);
    expect(verifyClientSecret({ secret, storedHash: storedHash.toUpperCase() })).toBe(false);
  });
});
