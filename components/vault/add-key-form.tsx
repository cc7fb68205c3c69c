"use client";

import { useState, type FormEvent } from "react";
import { PROVIDERS } from "@/lib/providers/registry";
import { providerNames } from "@/lib/vault/provider-keys";
import { addProviderKey } from "@/lib/vault/vault-store";
import { providerIds, type ProviderId } from "@/lib/vault/wire";
import { describeVaultError } from "./use-vault";

export function AddKeyForm() {
  const [provider, setProvider] = useState<ProviderId>("openai");
  const [label, setLabel] = useState("");
  const [secret, setSecret] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!label.trim()) return setError("Give the key a label, like “Personal” or “Work project”.");
    setBusy(true);
    try {
      await addProviderKey({ provider, label: label.trim(), secret: secret.trim() });
      setLabel("");
      setSecret("");
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Add a key">
      <h2>Add a key</h2>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="row">
        <div className="field">
          <label htmlFor="key-provider">Provider</label>
          <select id="key-provider" value={provider} onChange={(e) => setProvider(e.target.value as ProviderId)}>
            {providerIds.map((p) => (
              <option key={p} value={p}>
                {providerNames[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label htmlFor="key-label">Label</label>
          <input id="key-label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} placeholder="Personal" />
        </div>
      </div>
      <div className="field">
        <label htmlFor="key-secret">API key</label>
        <input id="key-secret" type="password" autoComplete="off" spellCheck={false} value={secret} onChange={(e) => setSecret(e.target.value)} />
        <span className="hint" data-testid="key-hint">
          {PROVIDERS[provider].displayName} keys look like <code>{PROVIDERS[provider].key.example}</code> (create one at{" "}
          <a href={PROVIDERS[provider].key.createUrl} target="_blank" rel="noopener noreferrer">
            {new URL(PROVIDERS[provider].key.createUrl).host}
          </a>
          ). Sealed in this browser with your vault key before it is stored.
        </span>
      </div>
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Sealing…" : "Add key"}
      </button>
    </form>
  );
}
