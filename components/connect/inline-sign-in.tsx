"use client";

import { useState, useSyncExternalStore, type FormEvent } from "react";
import { callJson } from "@/lib/http/client-json";
import { describeVaultError } from "../vault/use-vault";
import { PasskeySignInButton } from "../passkeys/passkey-sign-in-button";

/**
 * Sign-in inside the consent page (and the widget's popup): the emailed code is typed here,
 * and the sign-in comes back to this same authorization request, so nothing is lost.
 */
const noSubscription = () => () => {};

export function InlineSignIn({ returnTo }: { returnTo: string }) {
  // The form appears once hydrated: typed before that, the email would sit in the field while
  // React's state stayed empty, and a click would submit the form natively.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(false);
    }
  }

  const requestCode = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await callJson("/api/signin/request", { method: "POST", body: { email, callbackUrl: returnTo } });
      setSent(true);
      setBusy(false);
    });
  };
  const verify = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { next } = await callJson<{ next: string }>("/api/signin/verify", { method: "POST", body: { email, code, callbackUrl: returnTo } });
      window.location.assign(next);
    });
  };

  if (!hydrated) return <p className="hint">Loading…</p>;
  return (
    <section className="card" aria-label="Sign in to 1Relay">
      <h2>Sign in to 1Relay</h2>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {!sent ? (
        <form onSubmit={requestCode} noValidate>
          <div className="field">
            <label htmlFor="consent-email">Email address</label>
            <input id="consent-email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />
            <span className="hint">We email you a code. Your master password never leaves this page.</span>
          </div>
          <button className="button" type="submit" disabled={busy || email.length === 0}>{busy ? "Sending…" : "Email me a sign-in code"}</button>
          <PasskeySignInButton callbackUrl={returnTo} />
        </form>
      ) : (
        <form onSubmit={verify} noValidate>
          <p className="hint">We sent a code to {email}. Type it here.</p>
          <div className="field">
            <label htmlFor="consent-code">Sign-in code</label>
            <input id="consent-code" className="code" autoComplete="one-time-code" autoCapitalize="characters" spellCheck={false} maxLength={12} value={code} onChange={(e) => setCode(e.target.value)} required />
          </div>
          <button className="button" type="submit" disabled={busy || code.length === 0}>{busy ? "Signing in…" : "Sign in"}</button>
        </form>
      )}
    </section>
  );
}
