import { describe, expect, it } from "vitest";
import { findServerSecret, unwrapForServer, wrapForServer, type ServerKeyring } from "./server-wrap";

// SK rotation: a layer is opened with the secret its row names; a retired id opens nothing.

const old = { keyId: "sk0", secret: "b2xkLXdyYXBwaW5nLXNlY3JldC0zMi1ieXRlcy1sb24" };
const current = { keyId: "sk1", secret: "bmV3LXdyYXBwaW5nLXNlY3JldC0zMi1ieXRlcy1sb24" };
const connectionId = "0123456789abcdef0123456789abcdef";
const ckToken = "v1.AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBB";

describe("the wrapping keyring", () => {
  const keyring: ServerKeyring = { current, previous: [old] };

  it("finds the current and earlier secrets by id, and nothing for a retired one", () => {
    expect(findServerSecret(keyring, "sk1")).toBe(current);
    expect(findServerSecret(keyring, "sk0")).toBe(old);
    expect(findServerSecret(keyring, "sk-retired")).toBeNull();
    expect(findServerSecret({ current, previous: [] }, "sk0")).toBeNull();
  });

  it("opens a layer made with an earlier secret by its id, and only with that secret", () => {
    const layer = wrapForServer({ sk: old, connectionId, ckToken });
    expect(unwrapForServer({ sk: findServerSecret(keyring, "sk0")!, connectionId, ckServer: layer })).toBe(ckToken);
    // The id is in the AAD: the current secret cannot open it, nor can the old secret under another id.
    expect(() => unwrapForServer({ sk: current, connectionId, ckServer: layer })).toThrow();
    expect(() => unwrapForServer({ sk: { ...old, keyId: "sk1" }, connectionId, ckServer: layer })).toThrow();
  });
});
