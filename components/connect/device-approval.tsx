"use client";

import { useState, useSyncExternalStore } from "react";
import { connectApi } from "@/lib/connect/connect-api";
import { describeVaultError } from "../vault/use-vault";
import type { ConsentProps } from "./consent-form";
import { ConsentScreen } from "./consent-screen";

/**
 * A program's request on the consent page's own steps (decision 021): sign in, then say it is
 * yours (the code matches, you started it), then unlock, choose keys and limits, approve or deny.
 */
const noSubscription = () => () => {};

export function DeviceApproval({ consent, signedInAs, userCode, returnTo }: { consent: ConsentProps; signedInAs: string | null; userCode: string; returnTo: string }) {
  // The buttons work once hydrated: a click before that would do nothing.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function deny() {
    setBusy(true);
    setError(null);
    try {
      await connectApi.denyDevice(consent.requestId);
      setDone(`Denied. ${consent.appName} gets nothing; you can close this page.`);
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(false);
    }
  }

  if (done) return <div className="alert ok" role="status">{done}</div>;
  if (!signedInAs || confirmed) return <ConsentScreen consent={consent} signedInAs={signedInAs} returnTo={returnTo} />;
  return (
    <section className="card device-confirm" aria-label="Is this your request?">
      <h2>Is this your request?</h2>
      <p className="hint">Signed in as {signedInAs}.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <p>Continue only if you just started {consent.appName} yourself and your terminal shows <strong className="mono">{userCode}</strong>.</p>
      <div className="key-actions">
        <button className="button" type="button" disabled={busy || !hydrated} onClick={() => setConfirmed(true)}>Yes, it’s mine: continue</button>
        <button className="button secondary" type="button" disabled={busy || !hydrated} onClick={deny}>{busy ? "Denying…" : "No, deny it"}</button>
      </div>
    </section>
  );
}
