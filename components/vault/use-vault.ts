"use client";

import { useSyncExternalStore } from "react";
import { getVaultSnapshot, subscribeVault, type VaultSnapshot } from "@/lib/vault/vault-store";

const serverSnapshot: VaultSnapshot = { status: "loading", userId: null, vault: null, items: [], error: null, autoLockMinutes: 15 };

export function useVault(): VaultSnapshot {
  return useSyncExternalStore(subscribeVault, getVaultSnapshot, () => serverSnapshot);
}

/** A message for the person from anything a vault action threw. */
export function describeVaultError(error: unknown): string {
  if (error instanceof Error && (error.name === "VaultUserError" || error.name === "ApiError")) return error.message;
  if (error instanceof RangeError) return "This vault's key-stretching settings are outside the safe range, so it was not opened.";
  return "Something went wrong. Please try again.";
}
