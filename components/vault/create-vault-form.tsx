"use client";

import { prepareKdfWorker } from "@/lib/vault/derive-in-worker";
import { useEffect, useState, type FormEvent } from "react";
import { createVault } from "@/lib/vault/vault-store";
import { NewPasswordFields, useNewPassword } from "./new-password-fields";
import { ProgressBar } from "./progress-bar";
import { describeError } from "../ui/describe-error";

export function CreateVaultForm({ email }: { email: string }) {
  useEffect(() => {
    prepareKdfWorker();
  }, []);
  const newPassword = useNewPassword();
  const [understood, setUnderstood] = useState(false);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const problem = newPassword.problem();
    if (problem) return setError(problem);
    if (!understood) return setError("Confirm that you understand a forgotten master password cannot be recovered.");
    setProgress(0);
    try {
      await createVault({ password: newPassword.password, onProgress: setProgress });
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
      <NewPasswordFields state={newPassword} email={email} idPrefix="new" />
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
