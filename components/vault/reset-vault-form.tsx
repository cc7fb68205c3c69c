"use client";

import { useEffect, useState, type FormEvent } from "react";
import { prepareKdfWorker } from "@/lib/vault/derive-in-worker";
import { resetVault } from "@/lib/vault/vault-store";
import { EmailCodeField } from "../settings/email-code-field";
import { describeError } from "../ui/describe-error";
import { NewPasswordFields, useNewPassword } from "./new-password-fields";
import { ProgressBar } from "./progress-bar";

/**
 * Forgotten master password (decision 024): the emailed code and a new master password, in one
 * request that replaces the old vault with a new one made in this browser. A wrong code changes
 * nothing and keeps what was typed; on success the new vault is open.
 */
export function ResetVaultForm({ email, offerRevoke, onDone, onCancel }: { email: string; offerRevoke: boolean; onDone?: (message: string) => void; onCancel?: () => void }) {
  useEffect(() => {
    prepareKdfWorker();
  }, []);
  const newPassword = useNewPassword();
  const [emailCode, setEmailCode] = useState("");
  const [revokeToo, setRevokeToo] = useState(offerRevoke);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (emailCode.trim() === "") return setError("Type the code we emailed you.");
    const problem = newPassword.problem();
    if (problem) return setError(problem);
    setProgress(0);
    try {
      const { revoked } = await resetVault({ password: newPassword.password, emailCode, revokeConnections: revokeToo, onProgress: setProgress });
      onDone?.(`Vault reset. Your new vault is open: add your keys again on the Vault page.${revokeToo ? ` Revoked ${revoked} connection${revoked === 1 ? "" : "s"}.` : ""}`);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setProgress(null);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Reset vault">
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <EmailCodeField purpose="vault_reset" code={emailCode} onCode={setEmailCode} />
      <NewPasswordFields state={newPassword} email={email} idPrefix="reset" label="New master password" />
      {offerRevoke ? (
        <label className="check">
          <input type="checkbox" checked={revokeToo} onChange={(e) => setRevokeToo(e.target.checked)} /> Also revoke all tokens and apps
        </label>
      ) : null}
      {progress !== null ? <ProgressBar label="Stretching your password" fraction={progress} /> : null}
      <div className="key-actions">
        <button className="button danger" type="submit" disabled={progress !== null || emailCode.trim() === ""}>
          {progress !== null ? "Resetting…" : "Reset my vault"}
        </button>
        {onCancel ? (
          <button type="button" className="button secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
