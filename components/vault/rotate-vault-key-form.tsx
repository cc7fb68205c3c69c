"use client";

import { useState, type FormEvent } from "react";
import { rotateVaultKey } from "@/lib/vault/vault-store";
import { loadPasskeys } from "@/lib/passkeys/passkey-store";
import { releaseHeldPasskeys, rewrapHeldPasskeys } from "@/lib/passkeys/rotation-passkeys";
import { RotationPasskeys } from "../passkeys/rotation-passkeys";
import { ProgressBar } from "./progress-bar";
import { describeError } from "../ui/describe-error";

/** Rotate the vault key: every key and every connection's key re-sealed under a new one. */
export function RotateVaultKeyForm() {
  const [password, setPassword] = useState("");
  const [progress, setProgress] = useState<number | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    setProgress(0);
    try {
      await rotateVaultKey({ password, onProgress: (f, phase) => setProgress(phase === "check" ? f / 2 : 0.5 + f / 2), rewrapPasskeys: rewrapHeldPasskeys });
      releaseHeldPasskeys();
      await loadPasskeys().catch(() => {});
      setPassword("");
      setMessage("Vault key rotated: every key and connection is now sealed under a new vault key. Tokens keep working.");
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="card settings-section" onSubmit={submit} noValidate aria-label="Rotate the vault key">
      <h2>Rotate the vault key</h2>
      <p className="hint">Draws a new vault key here in your browser and re-seals every key and every token’s and app’s connection key under it, in one update. Your master password stays the same.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {message ? <div className="alert ok" role="status">{message}</div> : null}
      <div className="field">
        <label htmlFor="rotate-password">Master password</label>
        <input id="rotate-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />
      </div>
      <RotationPasskeys />
      {progress !== null ? <ProgressBar label="Rotating" fraction={progress} /> : null}
      <button className="button" type="submit" disabled={progress !== null || password.length === 0}>{progress !== null ? "Rotating…" : "Rotate vault key"}</button>
    </form>
  );
}
