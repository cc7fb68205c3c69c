"use client";

import { useState } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import type { AppSummary } from "@/lib/apps/wire";
import { describeError } from "./describe-error";

/**
 * The app's client secret: create, rotate (the old one stops working at once) or remove.
 * A new secret is shown here once; 1Relay keeps only its hash.
 */
export function ClientSecret({ app, onChanged }: { app: AppSummary; onChanged: (app: AppSummary) => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"rotate" | "remove" | null>(null);
  const [busy, setBusy] = useState(false);
  const [copied, setCopied] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await work();
      setConfirming(null);
    } catch (e) {
      setError(describeError(e));
    } finally {
      setBusy(false);
    }
  }

  const create = () =>
    run(async () => {
      const result = await appsApi.createSecret(app.clientId);
      setCopied(false);
      setSecret(result.clientSecret);
      onChanged(result.app);
    });
  const remove = () =>
    run(async () => {
      setSecret(null);
      onChanged(await appsApi.removeSecret(app.clientId));
    });

  return (
    <>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {secret ? (
        <div className="card new-token" role="region" aria-label={`New client secret of ${app.name}`}>
          <p>
            <strong>Your new client secret.</strong> Copy it now into your server’s configuration: it will not be shown again. 1Relay keeps only a hash of it.
          </p>
          <code className="key-value" data-testid="client-secret">{secret}</code>
          <div className="key-actions">
            <button type="button" className="button" onClick={async () => { await navigator.clipboard.writeText(secret); setCopied(true); }}>
              {copied ? "Copied" : "Copy secret"}
            </button>
            <button type="button" className="button secondary" onClick={() => setSecret(null)}>Done</button>
          </div>
        </div>
      ) : null}
      {confirming === "rotate" ? (
        <div className="key-actions">
          <span>Rotate the client secret of “{app.name}”? The current secret stops working at once.</span>
          <button type="button" className="button danger" disabled={busy} onClick={create}>Yes, rotate</button>
          <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Cancel</button>
        </div>
      ) : confirming === "remove" ? (
        <div className="key-actions">
          <span>Remove the client secret of “{app.name}”? It becomes a public client (PKCE only), and the current secret stops working.</span>
          <button type="button" className="button danger" disabled={busy} onClick={remove}>Yes, remove</button>
          <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Cancel</button>
        </div>
      ) : (
        <div className="key-actions">
          {app.confidential ? (
            <>
              <button type="button" className="button secondary" disabled={busy} onClick={() => setConfirming("rotate")}>Rotate client secret</button>
              <button type="button" className="button secondary danger" disabled={busy} onClick={() => setConfirming("remove")}>Remove client secret</button>
            </>
          ) : (
            <button type="button" className="button secondary" disabled={busy} onClick={create}>Create client secret</button>
          )}
        </div>
      )}
    </>
  );
}
