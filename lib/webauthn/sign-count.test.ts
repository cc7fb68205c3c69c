import { describe, expect, it } from "vitest";
import { nextSignCount } from "./sign-count";
import { isWebAuthnError } from "./webauthn-error";

describe("the signature counter", () => {
  it("must go up when the authenticator counts", () => {
    expect(nextSignCount({ stored: 0, received: 1 })).toBe(1);
    expect(nextSignCount({ stored: 41, received: 42 })).toBe(42);
    expect(nextSignCount({ stored: 3, received: 100 })).toBe(100);
  });

  it("stays 0 for authenticators that never count (synced passkeys)", () => {
    expect(nextSignCount({ stored: 0, received: 0 })).toBe(0);
  });

  it.each([
    [5, 5],
    [5, 4],
    [5, 0],
  ])("refuses stored %i, received %i (a clone or a replay)", (stored, received) => {
    let error: unknown;
    try {
      nextSignCount({ stored, received });
    } catch (e) {
      error = e;
    }
    expect(isWebAuthnError(error, "counter_regressed")).toBe(true);
  });
});
