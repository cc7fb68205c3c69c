// Auto-lock after idle time, and "lock one tab, lock them all" (BroadcastChannel).
// The idle time is a preference (not a secret), kept in localStorage.

export const DEFAULT_AUTO_LOCK_MINUTES = 15;
export const AUTO_LOCK_CHOICES = [1, 5, 15, 30, 60, 240] as const;
const storageKey = "1relay:auto-lock-minutes";
const channelName = "1relay-vault";

export function readAutoLockMinutes(): number {
  try {
    const stored = Number(globalThis.localStorage?.getItem(storageKey));
    return (AUTO_LOCK_CHOICES as readonly number[]).includes(stored) ? stored : DEFAULT_AUTO_LOCK_MINUTES;
  } catch {
    return DEFAULT_AUTO_LOCK_MINUTES;
  }
}

export function writeAutoLockMinutes(minutes: number): void {
  if (!(AUTO_LOCK_CHOICES as readonly number[]).includes(minutes)) throw new RangeError("unsupported auto-lock time");
  globalThis.localStorage?.setItem(storageKey, String(minutes));
}

/** Calls `onIdle` after `minutes` without keyboard, pointer or scroll activity. Returns a stop function. */
export function watchIdle({ minutes, onIdle }: { minutes: number; onIdle: () => void }): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const reset = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, minutes * 60_000);
  };
  const events = ["pointerdown", "keydown", "wheel", "touchstart", "pointermove"] as const;
  for (const e of events) globalThis.addEventListener?.(e, reset, { passive: true });
  reset();
  return () => {
    clearTimeout(timer);
    for (const e of events) globalThis.removeEventListener?.(e, reset);
  };
}

/** A channel to every other tab of this site: `announce()` tells them to lock. */
export function openLockChannel(onLockElsewhere: () => void): { announce: () => void; close: () => void } {
  if (typeof BroadcastChannel === "undefined") return { announce: () => {}, close: () => {} };
  const channel = new BroadcastChannel(channelName);
  channel.onmessage = (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === "lock") onLockElsewhere();
  };
  return { announce: () => channel.postMessage({ type: "lock" }), close: () => channel.close() };
}
