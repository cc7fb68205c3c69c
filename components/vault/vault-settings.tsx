"use client";

import { useEffect } from "react";
import { loadVault } from "@/lib/vault/vault-store";
import { AutoLockSetting } from "./auto-lock-setting";
import { ChangePasswordForm } from "./change-password-form";
import { RotateVaultKeyForm } from "./rotate-vault-key-form";
import { LockedVault } from "./locked-vault";
import { useVault } from "./use-vault";

export function VaultSettings({ email }: { email: string }) {
  const vault = useVault();
  useEffect(() => {
    if (vault.status === "loading") void loadVault();
  }, [vault.status]);
  return (
    <>
      <AutoLockSetting />
      {vault.status === "unlocked" ? <ChangePasswordForm email={email} /> : null}
      {vault.status === "unlocked" ? <RotateVaultKeyForm /> : null}
      {vault.status === "locked" ? (
        <>
          <p className="hint">Unlock your vault to change its master password.</p>
          <LockedVault />
        </>
      ) : null}
      {vault.status === "absent" ? <p className="hint">Create your vault first, on the Vault page.</p> : null}
    </>
  );
}
