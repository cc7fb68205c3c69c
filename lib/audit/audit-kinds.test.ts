import { describe, expect, it } from "vitest";
import { describeAuditEvent } from "./audit-kinds";

describe("security activity lines", () => {
  it("name the passkey added, removed or used to sign in", () => {
    expect(describeAuditEvent({ kind: "passkey_added", detail: { name: "Work laptop" } })).toBe("Passkey added: “Work laptop”");
    expect(describeAuditEvent({ kind: "passkey_removed", detail: { name: "Old phone" } })).toBe("Passkey removed: “Old phone”");
    expect(describeAuditEvent({ kind: "passkey_sign_in", detail: { name: "Work laptop" } })).toBe("Signed in with a passkey: “Work laptop”");
  });

  it("say what a rotation or a reset did to the passkeys", () => {
    expect(describeAuditEvent({ kind: "vault_key_rotated", detail: { items: 2, connections: 1, passkeys: 1, passkeysRemoved: 2 } })).toBe("Vault key rotated: (1 passkey re-wrapped, 2 passkeys removed)");
    expect(describeAuditEvent({ kind: "vault_key_rotated", detail: { items: 2, connections: 1, passkeys: 0, passkeysRemoved: 0 } })).toBe("Vault key rotated");
    expect(describeAuditEvent({ kind: "vault_reset", detail: { count: 0, passkeys: 2 } })).toBe("Vault reset (forgotten master password): 0 connections (2 passkeys removed)");
  });

  it("name the token and the origin it was refused on", () => {
    expect(describeAuditEvent({ kind: "origin_refused", detail: { name: "Chat page", origin: "https://evil.example" } })).toBe("Token refused on a web page it does not allow: “Chat page” from https://evil.example");
  });
});
