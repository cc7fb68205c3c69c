"use client";

import { useState, type FormEvent } from "react";
import { confirmVaultOnThisDevice, vaultSigningState } from "@/lib/vault/vault-store";
import { EmailCodeField } from "../settings/email-code-field";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import { useVault } from "./use-vault";

/**
 * A vault made before signed changes existed gets its signing key on its owner's next unlock,
 * confirmed with a fresh emailed code (a session alone can never install it). Until then, raising
 * a limit, resuming a connection or changing the master password is refused.
 */
export function ConfirmVaultCard() {
  const vault = useVault();
  const [code, setCode] = useState("");
  const action = useAction();
  if (vault.status !== "unlocked") return null;
  const state = vaultSigningState();
  if (state === "mismatch") {
    return (
      <div className="alert error" role="alert">
        The signing key stored with your vault does not match it, so signed changes (raising limits, resuming connections, a new master password) are refused. If this
        persists, reset the vault in Settings.
      </div>
    );
  }
  if (state !== "missing") return null;

  function confirm(event: FormEvent) {
    event.preventDefault();
    void action.run(async () => {
      await confirmVaultOnThisDevice({ emailCode: code });
      setCode("");
    });
  }

  return (
    <form className="card" onSubmit={confirm} noValidate aria-label="Confirm your vault">
      <h2>Confirm your vault</h2>
      <p className="hint">
        Changes that loosen a limit or replace your vault&apos;s keys are now signed in your browser, so a stolen session cannot make them. Your vault needs its signing key:
        confirm with a code we email you.
      </p>
      <Notice tone="error">{action.error}</Notice>
      <EmailCodeField purpose="vault_signing_key" code={code} onCode={setCode} />
      <Button type="submit" disabled={code.trim() === ""} busy={action.busy} busyLabel="Confirming…">Confirm vault</Button>
    </form>
  );
}
