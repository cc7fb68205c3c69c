"use client";

import { useState, useSyncExternalStore, type FormEvent } from "react";
import { callJson } from "@/lib/http/client-json";
import { PasskeySignInButton } from "../passkeys/passkey-sign-in-button";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

/**
 * Sign-in inside the consent page (and the widget's popup): the emailed code is typed here,
 * and the sign-in comes back to this same authorization request, so nothing is lost. A code
 * can be sent again, or the address changed, without leaving the page.
 */
const noSubscription = () => () => {};

export function InlineSignIn({ returnTo }: { returnTo: string }) {
  // The form appears once hydrated: typed before that, the email would sit in the field while
  // React's state stayed empty, and a click would submit the form natively.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const [resent, setResent] = useState(false);
  const action = useAction();

  const sendCode = () => callJson("/api/signin/request", { method: "POST", body: { email, callbackUrl: returnTo } });
  const requestCode = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      await sendCode();
      setSent(true);
    }, { name: "send" });
  };
  const resend = () =>
    action.run(async () => {
      setResent(false);
      await sendCode();
      setCode("");
      setResent(true);
    }, { name: "resend" });
  const useAnotherEmail = () => {
    action.clearError();
    setSent(false);
    setResent(false);
    setCode("");
  };
  const verify = (event: FormEvent) => {
    event.preventDefault();
    void action.run(async () => {
      const { next } = await callJson<{ next: string }>("/api/signin/verify", { method: "POST", body: { email, code, callbackUrl: returnTo } });
      window.location.assign(next);
    }, { name: "verify", keepBusy: true });
  };

  if (!hydrated) return <p className="hint">Loading…</p>;
  return (
    <section className="card" aria-label="Sign in to 1Relay">
      <h2>Sign in to 1Relay</h2>
      <Notice tone="error">{action.error}</Notice>
      {!sent ? (
        <form onSubmit={requestCode} noValidate>
          <Field id="consent-email" label="Email address" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required hint="We email you a code. Your master password never leaves this page." />
          <Button type="submit" disabled={email.length === 0} busy={action.busy} busyLabel="Sending…">Email me a sign-in code</Button>
          <PasskeySignInButton callbackUrl={returnTo} />
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <p className="hint" data-testid="code-sent-to">We sent a code to <strong>{email}</strong>. Type it here; it expires in 10 minutes.</p>
          <Notice tone="ok">{resent ? "We sent a new code. Only the newest one works." : null}</Notice>
          <Field id="consent-code" className="code-field" label="Sign-in code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} required />
          <div className="key-actions">
            <Button type="submit" disabled={code.length === 0 || action.busy} busy={action.pending === "verify"} busyLabel="Signing in…">Sign in</Button>
            <Button variant="secondary" disabled={action.busy} busy={action.pending === "resend"} busyLabel="Sending…" onClick={resend}>Send a new code</Button>
            <Button variant="secondary" disabled={action.busy} onClick={useAnotherEmail}>Use another email</Button>
          </div>
        </form>
      )}
    </section>
  );
}
