"use client";

import { useState } from "react";
import { unlockWithPasskey } from "@/lib/passkeys/unlock-with-passkey";
import { describeVaultError } from "../vault/use-vault";
import { usePasskeys, usePasskeysSupported } from "./use-passkeys";
import styles from "./passkeys.module.css";

/**
 * "Unlock with a passkey" beside the master password form (vault, consent page, settings): one
 * touch opens the vault here. Shown only when the account has a passkey and the browser can use it.
 */
export function PasskeyUnlockButton() {
  const supported = usePasskeysSupported();
  const { passkeys } = usePasskeys({ load: supported });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!supported || passkeys.length === 0) return null;

  async function unlock() {
    setError(null);
    setBusy(true);
    try {
      await unlockWithPasskey();
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className={`card ${styles.unlock}`} aria-label="Unlock with a passkey">
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <button type="button" className="button" onClick={unlock} disabled={busy}>
        {busy ? "Waiting for your passkey…" : "Unlock with a passkey"}
      </button>
      <p className="hint">Your passkey opens the vault here in your browser; or type your master password below.</p>
    </section>
  );
}
