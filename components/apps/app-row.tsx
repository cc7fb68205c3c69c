"use client";

import { useState } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import type { AppSummary } from "@/lib/apps/wire";
import { AppForm } from "./app-form";
import { ClientSecret } from "./client-secret";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import { LogoUpload } from "./logo-upload";
import styles from "./apps.module.css";

/** One registered app: its public details, client id, and the developer's controls. */
export function AppRow({ app, onChanged, onDeleted }: { app: AppSummary; onChanged: (app: AppSummary) => void; onDeleted: (clientId: string) => void }) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const action = useAction();
  const remove = () =>
    action.run(async () => {
      await appsApi.remove(app.clientId);
      onDeleted(app.clientId);
    }, { keepBusy: true });

  return (
    <li className="key-row" data-testid="app-row" data-client-id={app.clientId}>
      <div className="key-main">
        {app.hasLogo ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own /connect/logo route, no image optimizer on Workers
          <img className={styles.logo} src={`/connect/logo/${encodeURIComponent(app.clientId)}?v=${app.logoVersion}`} alt={`${app.name} logo`} width={48} height={48} />
        ) : null}
        <strong>{app.name}</strong>
        <span className="badge" data-testid="client-type">{app.confidential ? "Confidential" : "Public"}</span>
        {app.verifiedAt !== null ? (
          <span className="badge" data-testid="app-verified">Verified</span>
        ) : (
          <span className="badge warning" data-testid="app-verified" title="The consent page marks it as unverified until this deployment's operator checks who runs it; changing its name, homepage or redirect URIs clears a verification.">
            Unverified
          </span>
        )}
      </div>
      <div className="key-main">
        <span className="hint">Client ID</span>
        <code className="key-value" data-testid="client-id">{app.clientId}</code>
        {app.confidential ? <span className="hint">secret 1rs_…{app.secretHint}</span> : <span className="hint">no client secret (PKCE only)</span>}
      </div>
      <div className="hint">
        <a href={app.homepage} target="_blank" rel="noopener noreferrer">{app.homepage}</a>
        {app.description ? ` · ${app.description}` : ""}
      </div>
      <div>
        <span className="hint">Redirect URIs</span>
        <ul className={styles.uris} data-testid="redirect-uris">
          {app.redirectUris.map((uri) => (
            <li key={uri}><code className="key-value">{uri}</code></li>
          ))}
        </ul>
      </div>
      <div>
        <span className="hint">Web origins</span>
        {app.origins.length > 0 ? (
          <ul className={styles.uris} data-testid="app-origins">
            {app.origins.map((origin) => (
              <li key={origin}><code className="key-value">{origin}</code></li>
            ))}
          </ul>
        ) : (
          <p className="hint" data-testid="app-origins">None: its tokens cannot be used from a web page.</p>
        )}
      </div>
      <Notice tone="error">{action.error}</Notice>
      {editing ? (
        <AppForm
          label={`Edit ${app.name}`}
          initial={{ name: app.name, homepage: app.homepage, description: app.description, redirectUris: app.redirectUris, origins: app.origins }}
          submitLabel="Save changes"
          busyLabel="Saving…"
          onSubmit={async (body) => {
            onChanged(await appsApi.update(app.clientId, body));
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : null}
      <LogoUpload app={app} onUploaded={onChanged} />
      <ClientSecret app={app} onChanged={onChanged} />
      {confirming ? (
        <div className="key-actions">
          <span>
            Delete “{app.name}”? Its client ID stops working for new connections. Connections people already made through it keep working until they revoke them.
          </span>
          <Button variant="danger" busy={action.busy} busyLabel="Deleting…" onClick={remove}>Yes, delete</Button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      ) : (
        <div className="key-actions">
          {!editing ? <button type="button" className="button secondary" onClick={() => setEditing(true)}>Edit</button> : null}
          <button type="button" className="button secondary danger" onClick={() => setConfirming(true)}>Delete</button>
        </div>
      )}
    </li>
  );
}
