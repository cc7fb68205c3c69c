import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url } from "../crypto/encoding";
import { parseCoseKey } from "./cose-key";
import { chromiumVectors, pythonVectors, refusal, rpOf } from "./test-vectors";
import { verifyRegistration } from "./verify-registration";

describe("verifying a passkey registration", () => {
  for (const v of pythonVectors.registrations) {
    it(`accepts the independent vector: ${v.name}`, () => {
      const verified = verifyRegistration({ response: v.response, challenge: v.challenge, rp: rpOf(v) });
      expect(verified).toEqual({ credentialId: v.response.id, publicKey: v.publicKey, signCount: 0 });
      expect(parseCoseKey(decodeBase64Url(verified.publicKey)).alg).toBe(v.alg);
    });
  }

  for (const v of chromiumVectors) {
    it(`accepts what Chromium's authenticator made (alg ${v.alg})`, () => {
      const verified = verifyRegistration({ response: v.registration.response, challenge: v.registration.challenge, rp: rpOf(v) });
      expect(verified.credentialId).toBe(v.registration.response.id);
      expect(parseCoseKey(decodeBase64Url(verified.publicKey)).alg).toBe(v.alg);
    });
  }

  const v = chromiumVectors[0]!;
  const reg = v.registration;

  it("refuses another origin, another rpId, another challenge", () => {
    expect(refusal(() => verifyRegistration({ response: reg.response, challenge: reg.challenge, rp: { ...rpOf(v), origin: "http://localhost:1" } }))).toBe("bad_origin");
    expect(refusal(() => verifyRegistration({ response: reg.response, challenge: reg.challenge, rp: { ...rpOf(v), id: "example.com" } }))).toBe("bad_rp_id");
    expect(refusal(() => verifyRegistration({ response: reg.response, challenge: encodeBase64Url(new Uint8Array(32)), rp: rpOf(v) }))).toBe("bad_challenge");
  });

  it("refuses an assertion's client data, a credential id that is not the attested one, and garbage", () => {
    const assertionData = v.assertion.response.clientDataJSON;
    expect(refusal(() => verifyRegistration({ response: { ...reg.response, clientDataJSON: assertionData }, challenge: v.assertion.challenge, rp: rpOf(v) }))).toBe("bad_type");
    expect(refusal(() => verifyRegistration({ response: { ...reg.response, id: chromiumVectors[1]!.registration.response.id }, challenge: reg.challenge, rp: rpOf(v) }))).toBe("wrong_credential");
    expect(refusal(() => verifyRegistration({ response: { ...reg.response, attestationObject: "oA" }, challenge: reg.challenge, rp: rpOf(v) }))).toBe("malformed");
    expect(refusal(() => verifyRegistration({ response: { ...reg.response, attestationObject: "!!" }, challenge: reg.challenge, rp: rpOf(v) }))).toBe("malformed");
    const cut = encodeBase64Url(decodeBase64Url(reg.response.attestationObject).slice(0, -5));
    expect(refusal(() => verifyRegistration({ response: { ...reg.response, attestationObject: cut }, challenge: reg.challenge, rp: rpOf(v) }))).toBe("malformed");
  });
});
