"use client";

import { useCallback, useState } from "react";
import type { PasswordVerdict } from "@/lib/vault/password-strength";
import { PasswordStrength } from "./password-strength-lazy";

/** A new master password typed twice, with the strength check: creating a vault and resetting one. */
export function useNewPassword() {
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [verdict, setVerdict] = useState<PasswordVerdict | null>(null);
  const onVerdict = useCallback((v: PasswordVerdict | null) => setVerdict(v), []);
  /** What is wrong with it, as a sentence (null: it can be used). */
  const problem = (): string | null => {
    if (!verdict?.acceptable) return "Choose a stronger master password: see the advice under it.";
    if (password !== confirm) return "The two passwords do not match.";
    return null;
  };
  return { password, setPassword, confirm, setConfirm, onVerdict, problem };
}

export function NewPasswordFields({ state, email, idPrefix, label = "Master password" }: { state: ReturnType<typeof useNewPassword>; email: string; idPrefix: string; label?: string }) {
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-master-password`}>{label}</label>
        <input id={`${idPrefix}-master-password`} type="password" autoComplete="new-password" value={state.password} onChange={(e) => state.setPassword(e.target.value)} required />
        <PasswordStrength password={state.password} userInputs={[email]} onVerdict={state.onVerdict} />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-confirm-master-password`}>{label} again</label>
        <input id={`${idPrefix}-confirm-master-password`} type="password" autoComplete="new-password" value={state.confirm} onChange={(e) => state.setConfirm(e.target.value)} required />
      </div>
    </>
  );
}
