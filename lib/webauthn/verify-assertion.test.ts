import { describe, expect, it } from "vitest";
import { decodeBase64Url, encodeBase64Url, encodeUtf8 } from "../crypto/encoding";
import { verifyRegistration } from "./verify-registration";
import { chromiumVectors, pythonVectors, refusal, rpOf, type AssertionVector } from "./test-vectors";
import { verifyAssertion } from "./verify-assertion";

const credentialOf = (v: AssertionVector, signCount = 0) => ({ credentialId: v.response.id, publicKey: v.publicKey, signCount, userId: v.userId });
const check = (v: AssertionVector, override: Partial<Parameters<typeof verifyAssertion>[0]> = {}) =>
  verifyAssertion({ response: v.response, challenge: v.challenge, rp: rpOf(v), credential: credentialOf(v, v.signCount > 0 ? v.signCount - 1 : 0), ...override });

describe("verifying a passkey assertion", () => {
  for (const v of pythonVectors.assertions) {
    it(`${v.refuse ? `refuses (${v.refuse})` : "accepts"} the independent vector: ${v.name}`, () => {
      if (v.refuse) expect(refusal(() => check(v))).toBe(v.refuse);
      else expect(check(v)).toEqual({ signCount: v.signCount });
    });
  }

  for (const c of chromiumVectors) {
    it(`accepts what Chromium's authenticator signed (alg ${c.alg}) with the key it registered`, () => {
      const { publicKey, credentialId, signCount } = verifyRegistration({ response: c.registration.response, challenge: c.registration.challenge, rp: rpOf(c) });
      const verified = verifyAssertion({ response: c.assertion.response, challenge: c.assertion.challenge, rp: rpOf(c), credential: { credentialId, publicKey, signCount, userId: c.userId } });
      expect(verified.signCount).toBeGreaterThan(signCount);
    });
  }

  const ok = pythonVectors.assertions.find((v) => v.refuse === null && v.alg === -7)!;
  const ed = pythonVectors.assertions.find((v) => v.refuse === null && v.alg === -8)!;

  it("refuses another challenge", () => {
    expect(refusal(() => check(ok, { challenge: encodeBase64Url(new Uint8Array(32).fill(1)) }))).toBe("bad_challenge");
  });

  it("refuses a counter that did not go up; a non-counting authenticator stays at 0", () => {
    expect(refusal(() => check(ok, { credential: credentialOf(ok, ok.signCount) }))).toBe("counter_regressed");
    expect(refusal(() => check(ok, { credential: credentialOf(ok, ok.signCount + 10) }))).toBe("counter_regressed");
    expect(ed.signCount).toBe(0);
    expect(check(ed, { credential: credentialOf(ed, 0) })).toEqual({ signCount: 0 });
  });

  it("refuses a signature made by another key, or over other data", () => {
    expect(refusal(() => check(ok, { credential: { ...credentialOf(ok, 0), publicKey: ed.publicKey } }))).toBe("bad_signature");
    const sig = decodeBase64Url(ok.response.signature);
    sig[sig.length - 1]! ^= 1;
    expect(refusal(() => check(ok, { response: { ...ok.response, signature: encodeBase64Url(sig) } }))).toBe("bad_signature");
    expect(refusal(() => check(ok, { response: { ...ok.response, signature: "AAAA" } }))).toBe("bad_signature");
    // Same rpId and flags, one more on the counter: the signature no longer covers it.
    const data = decodeBase64Url(ok.response.authenticatorData);
    data[36]! += 1;
    expect(refusal(() => check(ok, { response: { ...ok.response, authenticatorData: encodeBase64Url(data) } }))).toBe("bad_signature");
  });

  it("refuses a response for another credential or another account's user handle", () => {
    expect(refusal(() => check(ok, { response: { ...ok.response, id: ed.response.id } }))).toBe("wrong_credential");
    expect(refusal(() => check(ok, { response: { ...ok.response, userHandle: encodeBase64Url(encodeUtf8("someone-else")) } }))).toBe("wrong_credential");
    expect(check(ok, { response: { ...ok.response, userHandle: null } })).toEqual({ signCount: ok.signCount });
  });

  it("refuses a response from another origin or rpId than ours (Chromium's real response, checked as another site)", () => {
    const c = chromiumVectors[1]!;
    const { publicKey, credentialId } = verifyRegistration({ response: c.registration.response, challenge: c.registration.challenge, rp: rpOf(c) });
    const credential = { credentialId, publicKey, signCount: 0, userId: c.userId };
    expect(refusal(() => verifyAssertion({ response: c.assertion.response, challenge: c.assertion.challenge, rp: { ...rpOf(c), origin: "https://1relay.example" }, credential }))).toBe("bad_origin");
    expect(refusal(() => verifyAssertion({ response: c.assertion.response, challenge: c.assertion.challenge, rp: { ...rpOf(c), id: "1relay.example" }, credential }))).toBe("bad_rp_id");
  });

  it("refuses client data from a cross-origin frame", () => {
    const framed = encodeBase64Url(encodeUtf8(JSON.stringify({ type: "webauthn.get", challenge: ok.challenge, origin: ok.origin, crossOrigin: true })));
    expect(refusal(() => check(ok, { response: { ...ok.response, clientDataJSON: framed } }))).toBe("bad_origin");
    const topOrigin = encodeBase64Url(encodeUtf8(JSON.stringify({ type: "webauthn.get", challenge: ok.challenge, origin: ok.origin, topOrigin: "https://evil.example" })));
    expect(refusal(() => check(ok, { response: { ...ok.response, clientDataJSON: topOrigin } }))).toBe("bad_origin");
  });
});
