"use client";

import { useEffect, useSyncExternalStore } from "react";
import { getPasskeySnapshot, loadPasskeys, subscribePasskeys, type PasskeySnapshot } from "@/lib/passkeys/passkey-store";
import { passkeysSupported } from "@/lib/passkeys/webauthn-browser";

const serverSnapshot: PasskeySnapshot = { status: "idle", passkeys: [] };
const noSubscription = () => () => {};

/** The account's passkeys (loaded once per page). */
export function usePasskeys({ load = true }: { load?: boolean } = {}): PasskeySnapshot {
  const snapshot = useSyncExternalStore(subscribePasskeys, getPasskeySnapshot, () => serverSnapshot);
  useEffect(() => {
    if (load && snapshot.status === "idle") loadPasskeys().catch(() => {});
  }, [load, snapshot.status]);
  return snapshot;
}

/** Whether this browser can use passkeys at all (false on the server's render). */
export function usePasskeysSupported(): boolean {
  return useSyncExternalStore(noSubscription, passkeysSupported, () => false);
}

export const formatDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
