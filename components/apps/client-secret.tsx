"use client";

import { useState } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import type { AppSummary } from "@/lib/apps/wire";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

/**
 * The app's client secret: create, rotate (the old one stops working at once) or remove.
 * A new secret is shown here once; 1Relay keeps only its hash.
 */
export function ClientSecret({ app, onChanged }: { app: AppSummary; onChanged: (app: AppSummary) => void }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<"rotate" | "remove" | null>(null);
  const [copied, setCopied] = useState(false);
  const action = useAction();
  const busy = action.busy;

  async function run(work: () => Promise<void>) {
    if (await action.run(work)) setConfirming(null);
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
      <Notice tone="error">{action.error}</Notice>
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
          <Button variant="danger" busy={busy} busyLabel="Rotating…" onClick={create}>Yes, rotate</Button>
          <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Cancel</button>
        </div>
      ) : confirming === "remove" ? (
        <div className="key-actions">
          <span>Remove the client secret of “{app.name}”? It becomes a public client (PKCE only), and the current secret stops working.</span>
          <Button variant="danger" busy={busy} busyLabel="Removing…" onClick={remove}>Yes, remove</Button>
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
            <Button variant="secondary" busy={busy} busyLabel="Creating…" onClick={create}>Create client secret</Button>
          )}
        </div>
      )}
    </>
  );
}
