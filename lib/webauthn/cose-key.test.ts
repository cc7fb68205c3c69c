import { describe, expect, it } from "vitest";
import { decodeBase64Url, decodeHex } from "../crypto/encoding";
import { parseCoseKey } from "./cose-key";
import { pythonVectors, refusal } from "./test-vectors";

const es256 = pythonVectors.registrations.find((v) => v.alg === -7)!;

describe("COSE keys", () => {
  it("parses ES256 to an uncompressed P-256 point, EdDSA to a 32-byte Ed25519 key", () => {
    const p = parseCoseKey(decodeBase64Url(es256.publicKey));
    expect(p.alg).toBe(-7);
    expect("p256" in p && p.p256.length === 65 && p.p256[0] === 4).toBe(true);
    const e = parseCoseKey(decodeBase64Url(pythonVectors.registrations.find((v) => v.alg === -8)!.publicKey));
    expect("ed25519" in e && e.ed25519.length).toBe(32);
  });

  it("refuses RS256 and other curves as unsupported", () => {
    // {1: 3 (RSA), 3: -257 (RS256), -1: n, -2: e}
    expect(refusal(() => parseCoseKey(decodeHex("a401030339010020410121430100 01".replace(/\s/g, ""))))).toBe("unsupported_algorithm");
    // ES256 on P-384 (crv 2)
    const p384 = decodeBase64Url(es256.publicKey);
    const crv = p384.findIndex((b, i) => b === 0x20 && p384[i + 1] === 0x01);
    p384[crv + 1] = 0x02;
    expect(refusal(() => parseCoseKey(p384))).toBe("unsupported_algorithm");
  });

  it("refuses a point that is not on the curve, and short coordinates", () => {
    const bent = decodeBase64Url(es256.publicKey);
    bent[bent.length - 1]! ^= 1;
    expect(refusal(() => parseCoseKey(bent))).toBe("malformed");
    expect(refusal(() => parseCoseKey(decodeBase64Url(es256.publicKey).slice(0, -1)))).toBe("malformed");
  });
});
