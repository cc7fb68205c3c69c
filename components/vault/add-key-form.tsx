"use client";

import { useState, type FormEvent } from "react";
import { PROVIDERS } from "@/lib/providers/registry";
import { providerNames } from "@/lib/vault/provider-keys";
import { addProviderKey } from "@/lib/vault/vault-store";
import { providerIds, type ProviderId } from "@/lib/vault/wire";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

export function AddKeyForm() {
  const [provider, setProvider] = useState<ProviderId>("openai");
  const [label, setLabel] = useState("");
  const [secret, setSecret] = useState("");
  const action = useAction();

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!label.trim()) return action.fail("Give the key a label, like “Personal” or “Work project”.");
    void action.run(async () => {
      await addProviderKey({ provider, label: label.trim(), secret: secret.trim() });
      setLabel("");
      setSecret("");
    });
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label="Add a key">
      <h2>Add a key</h2>
      <Notice tone="error">{action.error}</Notice>
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
        <Field className="grow" id="key-label" label="Label" value={label} onChange={(e) => setLabel(e.target.value)} maxLength={80} placeholder="Personal" />
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
      <Button type="submit" busy={action.busy} busyLabel="Sealing…">
        Add key
      </Button>
    </form>
  );
}
