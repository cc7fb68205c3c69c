import { describe, expect, it } from "vitest";
import { challengeFromVerifier, isValidChallenge, isValidVerifier, newCodeVerifier, verifyPkceS256 } from "./pkce";

// RFC 7636 Appendix B.
const VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

describe("PKCE S256", () => {
  it("matches the RFC 7636 Appendix B example", () => {
    expect(challengeFromVerifier(VERIFIER)).toBe(CHALLENGE);
    expect(verifyPkceS256({ verifier: VERIFIER, challenge: CHALLENGE })).toBe(true);
  });
  it("refuses a different verifier or challenge", () => {
    expect(verifyPkceS256({ verifier: VERIFIER.replace("d", "e"), challenge: CHALLENGE })).toBe(false);
    expect(verifyPkceS256({ verifier: VERIFIER, challenge: CHALLENGE.replace("E", "F") })).toBe(false);
  });
  it("refuses the plain method in disguise (verifier = challenge)", () => {
    expect(verifyPkceS256({ verifier: CHALLENGE, challenge: CHALLENGE })).toBe(false);
  });
  it("checks verifier syntax (RFC 7636 §4.1)", () => {
    expect(isValidVerifier("a".repeat(43))).toBe(true);
    expect(isValidVerifier("a".repeat(128))).toBe(true);
    expect(isValidVerifier("aZ09-._~".repeat(6))).toBe(true);
    expect(isValidVerifier("a".repeat(42))).toBe(false);
    expect(isValidVerifier("a".repeat(129))).toBe(false);
    expect(isValidVerifier(`${"a".repeat(42)}+`)).toBe(false);
    expect(isValidVerifier(`${"a".repeat(42)}=`)).toBe(false);
    expect(isValidVerifier(`${"a".repeat(42)} `)).toBe(false);
    expect(isValidVerifier(42)).toBe(false);
    expect(() => challengeFromVerifier("short")).toThrow(RangeError);
    expect(verifyPkceS256({ verifier: "short", challenge: CHALLENGE })).toBe(false);
  });
  it("checks challenge syntax: 43 canonical base64url characters", () => {
    expect(isValidChallenge(CHALLENGE)).toBe(true);
    expect(isValidChallenge(`${CHALLENGE}=`)).toBe(false);
    expect(isValidChallenge(CHALLENGE.slice(1))).toBe(false);
    expect(isValidChallenge(`${CHALLENGE.slice(0, 42)}+`)).toBe(false);
    expect(isValidChallenge(`${CHALLENGE.slice(0, 42)}N`)).toBe(false); // non-zero trailing bits
    expect(isValidChallenge(null)).toBe(false);
    expect(verifyPkceS256({ verifier: VERIFIER, challenge: `${CHALLENGE.slice(0, 42)}N` })).toBe(false);
  });
  it("makes fresh 43-character verifiers", () => {
    const a = newCodeVerifier();
    expect(isValidVerifier(a)).toBe(true);
    expect(a).toHaveLength(43);
    expect(newCodeVerifier()).not.toBe(a);
    expect(isValidChallenge(challengeFromVerifier(a))).toBe(true);
  });
});
