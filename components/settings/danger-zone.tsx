"use client";

import { useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import { connectionsApi } from "@/lib/connections/connections-api";
import { lockVault } from "@/lib/vault/vault-store";
import { ResetVaultForm } from "../vault/reset-vault-form";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import { EmailCodeField } from "./email-code-field";

const revokedText = (n: number) => `Revoked ${n} connection${n === 1 ? "" : "s"}.`;

type Step = null | "revoke-all" | "reset-vault" | "delete-account";

/** Revoke everything, reset a forgotten vault (with a new one: decision 024), delete the account: each asks first. */
export function DangerZone({ email }: { email: string }) {
  const [step, setStep] = useState<Step>(null);
  const [confirmEmail, setConfirmEmail] = useState("");
  const [emailCode, setEmailCode] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();

  async function run(work: () => Promise<string | void>) {
    let done: string | null = null;
    if (!(await action.run(async () => (done = (await work()) ?? null)))) return;
    if (done) setMessage(done);
    setStep(null);
  }

  return (
    <section className="card settings-section danger-zone" aria-labelledby="danger-heading">
      <h2 id="danger-heading">Danger zone</h2>
      <Notice tone="error">{action.error}</Notice>
      <Notice tone="ok">{message}</Notice>

      <h3>Revoke everything</h3>
      <p className="hint">Every token and app loses access at once; their next requests are refused.</p>
      {step === "revoke-all" ? (
        <div className="key-actions">
          <Button variant="danger" busy={action.busy} busyLabel="Revoking…" onClick={() => run(async () => revokedText((await connectionsApi.revokeAll()).revoked))}>Yes, revoke everything</Button>
          <button type="button" className="button secondary" onClick={() => setStep(null)}>Cancel</button>
        </div>
      ) : (
        <button type="button" className="button secondary danger" onClick={() => setStep("revoke-all")}>Revoke everything…</button>
      )}

      <h3>Forgot your master password?</h3>
      <p className="hint">
        Nothing can be recovered: resetting deletes your vault, every key in it and your passkeys, and makes a new vault with a new master password, in one
        step. Tokens and apps keep working until you revoke them, but they can no longer be changed or moved to a new key.
      </p>
      {step === "reset-vault" ? (
        <ResetVaultForm
          email={email}
          offerRevoke
          onCancel={() => setStep(null)}
          onDone={(done) => {
            setMessage(done);
            setStep(null);
          }}
        />
      ) : (
        <button type="button" className="button secondary danger" onClick={() => { setMessage(null); setStep("reset-vault"); }}>Reset vault…</button>
      )}

      <h3>Delete account</h3>
      <p className="hint">Deletes your vault, keys, tokens, app connections, apps you registered and usage history. This cannot be undone.</p>
      {step === "delete-account" ? (
        <div className="key-actions">
          <label htmlFor="confirm-email">Type {email} to confirm</label>
          <input id="confirm-email" type="email" autoComplete="off" value={confirmEmail} onChange={(e) => setConfirmEmail(e.target.value)} />
          <EmailCodeField purpose="account_delete" code={emailCode} onCode={setEmailCode} />
          <Button
            variant="danger"
            busy={action.busy}
            busyLabel="Deleting…"
            disabled={confirmEmail.trim().toLowerCase() !== email.toLowerCase() || emailCode.trim() === ""}
            onClick={() =>
              run(async () => {
                await accountApi.deleteAccount(confirmEmail, emailCode);
                lockVault();
                // A full page load, not client navigation: nothing of this session stays in memory.
                // eslint-disable-next-line @next/next/no-location-assign-relative-destination
                window.location.assign("/");
              })
            }
          >
            Delete my account
          </Button>
          <button type="button" className="button secondary" onClick={() => setStep(null)}>Cancel</button>
        </div>
      ) : (
        <button type="button" className="button secondary danger" onClick={() => { setEmailCode(""); setStep("delete-account"); }}>Delete account…</button>
      )}
    </section>
  );
}
