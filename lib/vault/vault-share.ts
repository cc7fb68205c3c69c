// Unlock once per browser session: a tab that opens locked asks the open tabs of this origin for
// the vault key over a BroadcastChannel, instead of another Argon2id run. What keeps it safe:
// - BroadcastChannel reaches only same-origin documents of this browser profile (not other
//   sites, not other browsers or devices, not private windows of another profile).
// - Only an UNLOCKED tab answers, and only a request from the same account AND the same
//   signed-in session (a tag the server derives from the session cookie with AUTH_SECRET): a tab
//   signed in elsewhere, or after a sign-out, gets nothing by asking. A locked tab has nothing to give.
// - The key travels sealed to the asking tab's one-time X25519 key (tab-share-crypto.ts), so
//   no other listener on the channel can read it; the asking tab checks that the key is its
//   vault's (its signing key matches) before using it.
// - Nothing is stored: the key stays in memory, as after a password unlock; locking any tab
//   locks all of them (auto-lock.ts), and sign-out locks first.
import { encodeHex } from "../crypto/encoding";
import { wipeBytes } from "../crypto/bytes";
import { randomBytes } from "../crypto/random";
import { newTabKeyPair, openVaultKeyFromTab, sealVaultKeyToTab } from "./tab-share-crypto";

export const SHARE_CHANNEL = "1relay-vault-share";
/** How long a locked tab waits for an answer before it simply shows the password form's result. */
export const ASK_TIMEOUT_MS = 1_500;

type Ask = { type: "vk-ask"; requestId: string; userId: string; sessionTag: string; publicKey: string };
type Give = { type: "vk-give"; requestId: string; sealed: string };

/** What this tab knows: its vault key while unlocked, whose it is, and its session's tag. */
export interface ShareState {
  vaultKey: Uint8Array | null;
  userId: string | null;
  sessionTag: string | null;
}

export interface ShareChannel {
  post(message: unknown): void;
  listen(onMessage: (message: unknown) => void): () => void;
}

function isAsk(m: unknown): m is Ask {
  const a = m as Partial<Ask> | null;
  return typeof a === "object" && a !== null && a.type === "vk-ask" && typeof a.requestId === "string" && typeof a.userId === "string" && typeof a.sessionTag === "string" && typeof a.publicKey === "string";
}

function isGive(m: unknown): m is Give {
  const g = m as Partial<Give> | null;
  return typeof g === "object" && g !== null && g.type === "vk-give" && typeof g.requestId === "string" && typeof g.sealed === "string";
}

/** The answering side: an unlocked tab seals its key to a same-account, same-session asker. Returns the answer to post, or null. */
export function answerAsk({ message, state }: { message: unknown; state: ShareState }): Give | null {
  if (!isAsk(message)) return null;
  const { vaultKey, userId, sessionTag } = state;
  if (!vaultKey || !userId || !sessionTag) return null; // locked, or not signed in: nothing to give
  if (message.userId !== userId || message.sessionTag !== sessionTag) return null;
  try {
    return { type: "vk-give", requestId: message.requestId, sealed: sealVaultKeyToTab({ vaultKey, tabPublicKey: message.publicKey, userId, requestId: message.requestId }) };
  } catch {
    return null; // a malformed request
  }
}

export function browserChannel(): ShareChannel | null {
  if (typeof BroadcastChannel === "undefined") return null;
  const channel = new BroadcastChannel(SHARE_CHANNEL);
  return {
    post: (message) => channel.postMessage(message),
    listen(onMessage) {
      const handler = (event: MessageEvent) => onMessage(event.data);
      channel.addEventListener("message", handler);
      return () => channel.removeEventListener("message", handler);
    },
  };
}

/** Answers other tabs' asks for as long as this tab lives (it gives only while unlocked). */
export function serveVaultKey({ channel, state }: { channel: ShareChannel; state: () => ShareState }): () => void {
  return channel.listen((message) => {
    const answer = answerAsk({ message, state: state() });
    if (answer) channel.post(answer);
  });
}

/**
 * Asks the open tabs for the vault key. Resolves with a key that `accept` confirmed is this
 * vault's, or null when no tab answered in time (the caller wipes the key when done with it).
 */
export function askOpenTabs({ channel, userId, sessionTag, accept, timeoutMs = ASK_TIMEOUT_MS }: { channel: ShareChannel; userId: string; sessionTag: string; accept: (key: Uint8Array) => boolean; timeoutMs?: number }): Promise<Uint8Array | null> {
  const requestId = encodeHex(randomBytes(16));
  const { privateKey, publicKey } = newTabKeyPair();
  return new Promise((resolve) => {
    let done = false;
    const finish = (key: Uint8Array | null) => {
      if (done) return;
      done = true;
      stop();
      clearTimeout(timer);
      wipeBytes(privateKey);
      resolve(key);
    };
    const stop = channel.listen((message) => {
      if (!isGive(message) || message.requestId !== requestId) return;
      let key: Uint8Array;
      try {
        key = openVaultKeyFromTab({ sealed: message.sealed, privateKey, userId, requestId });
      } catch {
        return; // not for us, or tampered: wait for another answer
      }
      if (accept(key)) finish(key);
      else wipeBytes(key);
    });
    const timer = setTimeout(() => finish(null), timeoutMs);
    channel.post({ type: "vk-ask", requestId, userId, sessionTag, publicKey } satisfies Ask);
  });
}
