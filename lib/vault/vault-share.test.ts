import { describe, expect, it } from "vitest";
import { newKey } from "../crypto/random";
import { answerAsk, askOpenTabs, serveVaultKey, type ShareChannel, type ShareState } from "./vault-share";

// Tabs as an in-memory BroadcastChannel: a post reaches every other listener, never the poster.
function bus() {
  const listeners = new Set<(m: unknown) => void>();
  const seen: unknown[] = [];
  const tab = (): ShareChannel => {
    const mine = new Set<(m: unknown) => void>();
    return {
      post: (message) => {
        seen.push(structuredClone(message));
        for (const l of listeners) if (!mine.has(l)) queueMicrotask(() => l(structuredClone(message)));
      },
      listen(onMessage) {
        mine.add(onMessage);
        listeners.add(onMessage);
        return () => {
          listeners.delete(onMessage);
          mine.delete(onMessage);
        };
      },
    };
  };
  return { tab, seen };
}

const USER = "0b6f1c1e-2d3a-4b5c-8d9e-0f1a2b3c4d5e";
const SESSION = "a".repeat(32);

describe("unlock once per browser session", () => {
  it("an unlocked tab gives the key to a tab of the same account and session, sealed to it", async () => {
    const { tab, seen } = bus();
    const vaultKey = newKey();
    serveVaultKey({ channel: tab(), state: () => ({ vaultKey, userId: USER, sessionTag: SESSION }) });
    const key = await askOpenTabs({ channel: tab(), userId: USER, sessionTag: SESSION, accept: () => true, timeoutMs: 500 });
    expect(key).toEqual(vaultKey);
    // What crossed the channel never holds the key in the clear.
    const hex = Buffer.from(vaultKey).toString("base64url");
    expect(JSON.stringify(seen)).not.toContain(hex);
    expect(seen.some((m) => JSON.stringify(m).includes(Buffer.from(vaultKey).toString("hex")))).toBe(false);
  });

  it("a locked tab, another account or another session gets nothing by asking", async () => {
    const vaultKey = newKey();
    const cases: { state: ShareState; userId: string; sessionTag: string }[] = [
      { state: { vaultKey: null, userId: USER, sessionTag: SESSION }, userId: USER, sessionTag: SESSION },
      { state: { vaultKey, userId: USER, sessionTag: SESSION }, userId: "ffffffff-2d3a-4b5c-8d9e-0f1a2b3c4d5e", sessionTag: SESSION },
      { state: { vaultKey, userId: USER, sessionTag: SESSION }, userId: USER, sessionTag: "b".repeat(32) },
      { state: { vaultKey, userId: USER, sessionTag: null }, userId: USER, sessionTag: SESSION },
    ];
    for (const c of cases) {
      const { tab } = bus();
      serveVaultKey({ channel: tab(), state: () => c.state });
      expect(await askOpenTabs({ channel: tab(), userId: c.userId, sessionTag: c.sessionTag, accept: () => true, timeoutMs: 200 })).toBeNull();
    }
  });

  it("refuses a key its vault does not recognise, and an answer sealed for another request", async () => {
    const { tab } = bus();
    const vaultKey = newKey();
    serveVaultKey({ channel: tab(), state: () => ({ vaultKey, userId: USER, sessionTag: SESSION }) });
    expect(await askOpenTabs({ channel: tab(), userId: USER, sessionTag: SESSION, accept: () => false, timeoutMs: 200 })).toBeNull();
    const give = answerAsk({ message: { type: "vk-ask", requestId: "c".repeat(32), userId: USER, sessionTag: SESSION, publicKey: "A".repeat(43) }, state: { vaultKey, userId: USER, sessionTag: SESSION } });
    // "AAAA…" is the all-zero (low-order) point: refused, nothing sealed.
    expect(give).toBeNull();
  });

  it("ignores malformed messages", () => {
    const state = { vaultKey: newKey(), userId: USER, sessionTag: SESSION };
    for (const message of [null, "vk-ask", { type: "vk-ask" }, { type: "vk-ask", requestId: 1, userId: USER, sessionTag: SESSION, publicKey: "x" }]) expect(answerAsk({ message, state })).toBeNull();
  });
});
