import { describe, expect, it } from "vitest";
import vectors from "../../tests/vectors/relay_token_vectors.json";
import { decodeHex, encodeHex } from "./encoding";
import { newConnectionId, newKey } from "./random";
import { formatRelayToken, parseRelayToken, RELAY_TOKEN_LENGTH } from "./relay-token";
import { createTestPrng } from "./test-prng";

describe("relay token published vectors", () => {
  it("has valid and invalid vectors", () => {
    expect(vectors.valid.length).toBeGreaterThanOrEqual(5);
    expect(new Set(vectors.invalid.map((v) => v.reason)).size).toBe(5);
  });

  it.each(vectors.valid)("formats and parses: $comment", (v) => {
    const token = formatRelayToken({ connectionId: decodeHex(v.connectionId), secret: decodeHex(v.secret) });
    expect(token).toBe(v.token);
    expect(token).toHaveLength(74);
    const parsed = parseRelayToken(v.token);
    expect(encodeHex(parsed.connectionId)).toBe(v.connectionId);
    expect(encodeHex(parsed.secret)).toBe(v.secret);
  });

  it.each(vectors.invalid)("refuses: $comment ($reason)", (v) => {
    let thrown: unknown;
    try {
      parseRelayToken(v.token);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ name: "CryptoError", code: v.reason });
    // The error never echoes the token or any long piece of it.
    const message = (thrown as Error).message;
    if (v.token.length > 10) {
      expect(message).not.toContain(v.token.slice(3, 13));
      expect(message).not.toContain(v.token.slice(-10));
    }
  });
});

describe("relay token format", () => {
  it("round-trips random ids and secrets (seeded)", () => {
    const prng = createTestPrng(384);
    for (let i = 0; i < 200; i++) {
      const connectionId = prng.bytes(16);
      const secret = prng.bytes(32);
      const token = formatRelayToken({ connectionId, secret });
      expect(token).toMatch(/^1r_[0-9A-Za-z]{71}$/);
      expect(token).toHaveLength(RELAY_TOKEN_LENGTH);
      expect(parseRelayToken(token)).toEqual({ connectionId, secret });
    }
  });

  it("accepts the connection id in its hex form", () => {
    const connectionId = newConnectionId();
    const secret = newKey();
    expect(formatRelayToken({ connectionId: encodeHex(connectionId), secret })).toBe(formatRelayToken({ connectionId, secret }));
  });

  it("detects every single-character substitution of a vector token", () => {
    const token = vectors.valid[4]!.token;
    const prng = createTestPrng(32);
    for (let i = 3; i < token.length; i++) {
      const original = token.charAt(i);
      let replacement = original;
      while (replacement === original) replacement = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".charAt(prng.int(62));
      const changed = token.slice(0, i) + replacement + token.slice(i + 1);
      expect(() => parseRelayToken(changed)).toThrow(expect.objectContaining({ name: "CryptoError" }));
    }
  });

  it("returns buffers the caller owns", () => {
    const v = vectors.valid[4]!;
    const first = parseRelayToken(v.token);
    first.secret.fill(0);
    expect(encodeHex(parseRelayToken(v.token).secret)).toBe(v.secret);
  });

  it("checks its inputs", () => {
    expect(() => formatRelayToken({ connectionId: newConnectionId(), secret: new Uint8Array(31) })).toThrow(RangeError);
    expect(() => formatRelayToken({ connectionId: new Uint8Array(15), secret: newKey() })).toThrow(RangeError);
    expect(() => parseRelayToken(undefined as unknown as string)).toThrow(TypeError);
  });
});
