"use client";

import { prepareKdfWorker } from "@/lib/vault/derive-in-worker";
import { useCallback, useEffect, useState, type FormEvent } from "react";
import type { PasswordVerdict } from "@/lib/vault/password-strength";
import { changeMasterPassword } from "@/lib/vault/vault-store";
import { PasswordStrength } from "./password-strength-lazy";
import { ProgressBar } from "./progress-bar";
import { describeError } from "../ui/describe-error";

export function ChangePasswordForm({ email }: { email: string }) {
  useEffect(() => {
    prepareKdfWorker();
  }, []);
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const [progress, setProgress] = useState<{ fraction: number; phase: "check" | "rewrap" } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const onVerdict = useCallback((v: PasswordVerdict | null) => setVerdict(v), []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setDone(false);
    if (!verdict?.acceptable) return setError("Choose a stronger new master password: see the advice under it.");
    if (next !== confirm) return setError("The two new passwords do not match.");
    setProgress({ fraction: 0, phase: "check" });
    try {
      await changeMasterPassword({ currentPassword: current, newPassword: next, onProgress: (fraction, phase) => setProgress({ fraction, phase }) });
      setCurrent("");
      setNext("");
      setConfirm("");
      setDone(true);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Change master password">
      <h2>Change master password</h2>
      <p className="hint">Only the vault key is re-wrapped; your keys and connections stay as they are.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {done ? <div className="alert info" role="status">Master password changed.</div> : null}
      <div className="field">
        <label htmlFor="current-master-password">Current master password</label>
        <input id="current-master-password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="next-master-password">New master password</label>
        <input id="next-master-password" type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />
        <PasswordStrength password={next} userInputs={[email]} onVerdict={onVerdict} />
      </div>
      <div className="field">
        <label htmlFor="confirm-next-master-password">New master password again</label>
        <input id="confirm-next-master-password" type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </div>
      {progress ? <ProgressBar label={progress.phase === "check" ? "Checking your current password" : "Re-wrapping your vault key"} fraction={progress.fraction} /> : null}
      <button className="button" type="submit" disabled={progress !== null}>
        {progress ? "Changing…" : "Change master password"}
      </button>
    </form>
  );
}
