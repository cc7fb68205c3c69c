"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { Notice } from "../ui/notice";
import { useVault } from "./use-vault";

const SEEN = "1relay:unlock-explained";

function explainedAlready(): boolean {
  try {
    return globalThis.sessionStorage?.getItem(SEEN) === "1";
  } catch {
    return false;
  }
}

function markExplained(): void {
  try {
    // Only that the note was read (not a secret): once per browser session.
    globalThis.sessionStorage?.setItem(SEEN, "1");
  } catch {
    // Storage refused: the note may show again.
  }
}

/**
 * Once per browser session, right after an unlock: how long stretching the master password took
 * and why, or that another open tab unlocked this one (lib/vault/vault-share.ts).
 */
export function UnlockNote() {
  const { status, unlockedBy } = useVault();
  const pathname = usePathname();
  const [shown, setShown] = useState<{ unlockedBy: NonNullable<typeof unlockedBy>; on: string } | null>(null);
  const [hidden, setHidden] = useState(false);
  if (status === "unlocked" && unlockedBy && shown?.unlockedBy !== unlockedBy && !explainedAlready()) {
    markExplained();
    setShown({ unlockedBy, on: pathname });
  }
  // Said once, on the page where the unlock happened.
  if (!shown || hidden || status !== "unlocked" || shown.on !== pathname) return null;
  const via = shown.unlockedBy;
  return (
    <Notice tone="info" testId="unlock-note" className="unlock-note">
      {via.via === "password" ? (
        <>
          Unlocked in {((via.ms ?? 0) / 1000).toFixed(1)} s. The wait is on purpose: your master password is stretched with Argon2id, so every guess at it costs an attacker
          as long. Other tabs of this browser now unlock without it, until you lock or sign out.
        </>
      ) : (
        <>Unlocked by another open tab of this browser, in the same sign-in: no password needed until you lock or sign out.</>
      )}{" "}
      <button type="button" className="link-button" onClick={() => setHidden(true)}>
        Got it
      </button>
    </Notice>
  );
}
