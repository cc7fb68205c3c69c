import { describe, expect, it } from "vitest";
import core from "../../tests/vectors/core_vectors.json";
import {
  buildCkServerAad,
  buildCkTokenAad,
  buildCkVaultAad,
  buildGrantAad,
  buildItemAad,
  buildSealAad,
  buildVaultAad,
} from "./aad";
import { decodeHex } from "./encoding";

const connectionId = "a0a1a2a3a4a5a6a7a8a9aaabacadaeaf";
const connectionIdBytes = decodeHex(connectionId);

describe("AAD labels", () => {
  it("builds every label of the security model exactly", () => {
    expect(buildVaultAad({ userId: core.vault.userId, salt: decodeHex(core.masterKey.saltHex), params: core.masterKey.params })).toBe(
      core.vault.aad,
    );
    expect(buildItemAad({ userId: "u1", itemId: "i1", provider: "openai", itemVersion: 3 })).toBe("1relay/v1/item/u1/i1/openai/3");
    expect(buildCkVaultAad({ userId: "u1", connectionId })).toBe(`1relay/v1/ck-vault/u1/${connectionId}`);
    expect(buildCkTokenAad({ connectionId })).toBe(`1relay/v1/ck-token/${connectionId}`);
    expect(buildCkServerAad({ connectionId, skId: "sk-2025-01" })).toBe(`1relay/v1/ck-server/${connectionId}/sk-2025-01`);
    expect(buildGrantAad({ connectionId, provider: "gemini", itemId: "i9", itemVersion: 0 })).toBe(
      `1relay/v1/grant/${connectionId}/gemini/i9/0`,
    );
    expect(buildSealAad({ clientId: "app_demo", connectionId })).toBe(core.seal.aad);
  });

  it("gives the same label for a connection id as bytes or as hex", () => {
    expect(buildCkTokenAad({ connectionId: connectionIdBytes })).toBe(buildCkTokenAad({ connectionId }));
    expect(buildSealAad({ clientId: "c", connectionId: connectionIdBytes })).toBe(buildSealAad({ clientId: "c", connectionId }));
  });

  it.each([
    ["empty", ""],
    ["a slash", "a/b"],
    ["a control character", "a\nb"],
    ["a NUL", "a\u0000"],
    ["too long", "x".repeat(257)],
  ])("refuses a part with %s", (_, bad) => {
    expect(() => buildItemAad({ userId: bad, itemId: "i", provider: "openai", itemVersion: 1 })).toThrow(RangeError);
    expect(() => buildItemAad({ userId: "u", itemId: bad, provider: "openai", itemVersion: 1 })).toThrow(RangeError);
    expect(() => buildItemAad({ userId: "u", itemId: "i", provider: bad, itemVersion: 1 })).toThrow(RangeError);
    expect(() => buildCkVaultAad({ userId: bad, connectionId })).toThrow(RangeError);
    expect(() => buildCkServerAad({ connectionId, skId: bad })).toThrow(RangeError);
    expect(() => buildGrantAad({ connectionId, provider: bad, itemId: "i", itemVersion: 1 })).toThrow(RangeError);
    expect(() => buildGrantAad({ connectionId, provider: "openai", itemId: bad, itemVersion: 1 })).toThrow(RangeError);
    expect(() => buildSealAad({ clientId: bad, connectionId })).toThrow(RangeError);
    expect(() => buildVaultAad({ userId: bad, salt: new Uint8Array(16), params: { m: 65536, t: 3, p: 4 } })).toThrow(RangeError);
  });

  it("refuses non-string parts", () => {
    expect(() => buildSealAad({ clientId: 7 as unknown as string, connectionId })).toThrow(TypeError);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53, "1"])("refuses item version %j", (itemVersion) => {
    expect(() => buildItemAad({ userId: "u", itemId: "i", provider: "openai", itemVersion: itemVersion as number })).toThrow(RangeError);
    expect(() => buildGrantAad({ connectionId, provider: "openai", itemId: "i", itemVersion: itemVersion as number })).toThrow(
      RangeError,
    );
  });

  it.each([
    ["upper case", connectionId.toUpperCase()],
    ["31 characters", connectionId.slice(1)],
    ["base64url", "oKGio6Slpqeoqaqrq6ytrq8"],
    ["a slash", `${connectionId.slice(0, 31)}/`],
  ])("refuses a connection id in %s", (_, bad) => {
    expect(() => buildCkTokenAad({ connectionId: bad })).toThrow(TypeError);
  });

  it("refuses a connection id or salt of the wrong byte length", () => {
    expect(() => buildCkTokenAad({ connectionId: new Uint8Array(15) })).toThrow(RangeError);
    expect(() => buildVaultAad({ userId: "u", salt: new Uint8Array(32), params: { m: 65536, t: 3, p: 4 } })).toThrow(RangeError);
  });

  it("refuses vault params outside the bounds", () => {
    expect(() => buildVaultAad({ userId: "u", salt: new Uint8Array(16), params: { m: 1024, t: 3, p: 4 } })).toThrow(RangeError);
  });
});
