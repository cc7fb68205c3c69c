"use client";

import { useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import { describeVaultError } from "../vault/use-vault";

type Purpose = Parameters<typeof accountApi.requestConfirmation>[0];

/**
 * A fresh emailed code for what a signed-in session alone may not do (reset the vault, delete the
 * account, confirm the vault on this device): a button that emails it, and the field to type it.
 */
export function EmailCodeField({ purpose, code, onCode }: { purpose: Purpose; code: string; onCode: (code: string) => void }) {
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function send() {
    setBusy(true);
    setError(null);
    try {
      await accountApi.requestConfirmation(purpose);
      setSent(true);
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }
  const id = `email-code-${purpose}`;
  return (
    <div className="field">
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <p className="hint">{sent ? "We emailed you a code. Type it here; it expires in 10 minutes." : "To be sure it is you, we email you a code first."}</p>
      <button type="button" className="button secondary" disabled={busy} onClick={send}>{sent ? "Email me another code" : "Email me a code"}</button>
      {sent ? (
        <>
          <label htmlFor={id}>Code from the email</label>
          <input id={id} className="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => onCode(e.target.value)} />
        </>
      ) : null}
    </div>
  );
}
