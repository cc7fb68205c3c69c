"use client";

import { useSyncExternalStore } from "react";
import { getVaultSnapshot, subscribeVault, type VaultSnapshot } from "@/lib/vault/vault-store";

const serverSnapshot: VaultSnapshot = { status: "loading", userId: null, vault: null, items: [], error: null, autoLockMinutes: 15, unlockedBy: null, askingTabs: false };

export function useVault(): VaultSnapshot {
  return useSyncExternalStore(subscribeVault, getVaultSnapshot, () => serverSnapshot);
}

/** A message for the person from anything a vault action threw (components/ui/describe-error.ts). */
export { describeError as describeVaultError } from "../ui/describe-error";
