"use client";

import { lockVault } from "@/lib/vault/vault-store";
import { useVault } from "./use-vault";

/** In the header: shows when the vault is open, with a one-click lock. */
export function VaultLockBadge() {
  const { status } = useVault();
  if (status !== "unlocked") return null;
  return (
    <button type="button" className="button secondary" onClick={() => lockVault()} title="Lock the vault in every tab">
      Lock vault
    </button>
  );
}
