"use client";

import { useState } from "react";
import { signInWithPasskey } from "@/lib/passkeys/sign-in-with-passkey";
import { describeVaultError } from "../vault/use-vault";
import { usePasskeysSupported } from "./use-passkeys";
import styles from "./passkeys.module.css";

/** "Sign in with a passkey" (a passkey you added in Settings); the emailed code stays beside it. */
export function PasskeySignInButton({ callbackUrl }: { callbackUrl: string }) {
  const supported = usePasskeysSupported();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!supported) return null;

  async function signIn() {
    setError(null);
    setBusy(true);
    try {
      window.location.assign(await signInWithPasskey({ callbackUrl }));
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(false);
    }
  }

  return (
    <div>
      <p className={styles.or}>or</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <button type="button" className="button secondary block" onClick={signIn} disabled={busy}>
        {busy ? "Waiting for your passkey…" : "Sign in with a passkey"}
      </button>
    </div>
  );
}
