"use client";

import { prepareKdfWorker } from "@/lib/vault/derive-in-worker";
import { useEffect, useState, type FormEvent } from "react";
import { unlockVault } from "@/lib/vault/vault-store";
import { ProgressBar } from "./progress-bar";
import { describeVaultError } from "./use-vault";

export function UnlockForm() {
  useEffect(() => {
    prepareKdfWorker();
  }, []);
  const [password, setPassword] = useState("");
  const [progress, setProgress] = useState<{ fraction: number; phase: "unlock" | "upgrade" } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setProgress({ fraction: 0, phase: "unlock" });
    try {
      await unlockVault({ password, onProgress: (fraction, phase) => setProgress({ fraction, phase }) });
      setPassword("");
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Your vault is locked</h2>
      <p className="hint">Unlocking happens here in your browser: your master password is never sent.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="field">
        <label htmlFor="master-password">Master password</label>
        <input id="master-password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required autoFocus />
      </div>
      {progress ? <ProgressBar label={progress.phase === "unlock" ? "Unlocking" : "Upgrading your vault's protection"} fraction={progress.fraction} /> : null}
      <button className="button" type="submit" disabled={progress !== null || password.length === 0}>
        {progress ? "Unlocking…" : "Unlock"}
      </button>
    </form>
  );
}
