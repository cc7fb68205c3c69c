import { describe, expect, it, vi } from "vitest";

// noble already refuses low-order points before its ladder; this file removes
// that layer to prove our own RFC 7748 §6.1 all-zero check still holds.
vi.mock("@noble/curves/ed25519.js", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@noble/curves/ed25519.js")>();
  return { ...actual, x25519: { ...actual.x25519, getSharedSecret: () => new Uint8Array(32) } };
});

const { newAppKeyPair, openSealed, sealToApp } = await import("./seal");
const { newConnectionId, newKey } = await import("./random");
const { encodeBase64Url } = await import("./encoding");

describe("all-zero X25519 shared secret", () => {
  it("is refused when sealing and when opening", () => {
    const { publicKey, privateKey } = newAppKeyPair();
    const context = { clientId: "c", connectionId: newConnectionId() };
    expect(() => sealToApp({ appPublicKey: publicKey, secret: newKey(), ...context })).toThrow(
      expect.objectContaining({ code: "invalid_public_key" }),
    );
    const sealed = ["v1", encodeBase64Url(publicKey), encodeBase64Url(new Uint8Array(12)), encodeBase64Url(new Uint8Array(48))].join(".");
    expect(() => openSealed({ appPrivateKey: privateKey, sealed, ...context })).toThrow(expect.objectContaining({ code: "decrypt_failed" }));
  });
});
