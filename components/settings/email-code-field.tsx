"use client";

import { useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

type Purpose = Parameters<typeof accountApi.requestConfirmation>[0];

/**
 * A fresh emailed code for what a signed-in session alone may not do (reset the vault, delete the
 * account, confirm the vault on this device): a button that emails it, and the field to type it.
 */
export function EmailCodeField({ purpose, code, onCode }: { purpose: Purpose; code: string; onCode: (code: string) => void }) {
  const [sent, setSent] = useState(false);
  const action = useAction();
  const send = () =>
    action.run(async () => {
      await accountApi.requestConfirmation(purpose);
      setSent(true);
    });
  const id = `email-code-${purpose}`;
  return (
    <div className="field">
      <Notice tone="error">{action.error}</Notice>
      <p className="hint">{sent ? "We emailed you a code. Type it here; it expires in 10 minutes." : "To be sure it is you, we email you a code first."}</p>
      <Button variant="secondary" busy={action.busy} busyLabel="Sending…" onClick={send}>{sent ? "Email me another code" : "Email me a code"}</Button>
      {sent ? (
        <>
          <label htmlFor={id}>Code from the email</label>
          <input id={id} className="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => onCode(e.target.value)} />
        </>
      ) : null}
    </div>
  );
}
