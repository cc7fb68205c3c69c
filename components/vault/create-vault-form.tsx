"use client";

import { prepareKdfWorker } from "@/lib/vault/derive-in-worker";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { PasswordVerdict } from "@/lib/vault/password-strength";
import { createVault } from "@/lib/vault/vault-store";
import { PasswordStrength } from "./password-strength-lazy";
import { ProgressBar } from "./progress-bar";
import { describeError } from "../ui/describe-error";

export function CreateVaultForm({ email }: { email: string }) {
  useEffect(() => {
    prepareKdfWorker();
  }, []);
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [understood, setUnderstood] = useState(false);
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const onVerdict = useCallback((v: PasswordVerdict | null) => setVerdict(v), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!verdict?.acceptable) return setError("Choose a stronger master password: see the advice under it.");
    if (password !== confirm) return setError("The two passwords do not match.");
    if (!understood) return setError("Confirm that you understand a forgotten master password cannot be recovered.");
    setProgress(0);
    try {
      await createVault({ password, onProgress: setProgress });
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate>
      <h2>Create your vault</h2>
      <p className="hint">
        Your master password is stretched with Argon2id in this browser and never leaves it. It seals your keys before
        anything is stored.
      </p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="field">
        <label htmlFor="new-master-password">Master password</label>
        <input id="new-master-password" type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
        <PasswordStrength password={password} userInputs={[email]} onVerdict={onVerdict} />
      </div>
      <div className="field">
        <label htmlFor="confirm-master-password">Master password again</label>
        <input id="confirm-master-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} required />
      </div>
      <div className="alert warning">
        <strong>Nobody can recover a forgotten master password</strong>, not even us: we never see it. If you forget it, your
        vault must be reset and your keys added again.
      </div>
      <label className="check">
        <input type="checkbox" checked={understood} onChange={(e) => setUnderstood(e.target.checked)} /> I understand that a forgotten master password cannot be recovered.
      </label>
      {progress !== null ? <ProgressBar label="Stretching your password" fraction={progress} /> : null}
      <button className="button" type="submit" disabled={progress !== null}>
        {progress !== null ? "Creating…" : "Create vault"}
      </button>
    </form>
  );
}
