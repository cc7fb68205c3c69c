import { describe, expect, it } from "vitest";
import { newConnectionId, newKey } from "./random";
import { formatRelayToken } from "./relay-token";
import { tokenHintFromConnectionId } from "./token-hint";
import { formatConnectionId } from "./connection-id";

describe("tokenHintFromConnectionId", () => {
  it("is how the token starts, whatever its secret: the person can match it", () => {
    for (let i = 0; i < 200; i++) {
      const id = newConnectionId();
      const token = formatRelayToken({ connectionId: id, secret: newKey() });
      expect(token.slice(3, 9)).toBe(tokenHintFromConnectionId(id));
      expect(tokenHintFromConnectionId(formatConnectionId(id))).toBe(tokenHintFromConnectionId(id));
    }
  });

  it("does not depend on the secret K at all, so it says nothing about it (unlike the checksum tail)", () => {
    const id = newConnectionId();
    const hints = new Set(Array.from({ length: 50 }, () => formatRelayToken({ connectionId: id, secret: newKey() }).slice(3, 9)));
    expect(hints).toEqual(new Set([tokenHintFromConnectionId(id)]));
    const tails = new Set(Array.from({ length: 50 }, () => formatRelayToken({ connectionId: id, secret: newKey() }).slice(-4)));
    expect(tails.size).toBeGreaterThan(1);
  });
});
