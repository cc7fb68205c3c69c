"use client";

import { useState, type FormEvent } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { policyModelsFromInput } from "@/lib/connections/policy-models";
import { providerNames } from "@/lib/vault/provider-keys";
import { createScopedToken } from "@/lib/vault/vault-store";
import type { ProviderId } from "@/lib/providers/registry/provider-ids";
import { providerIds, type VaultItemRecord } from "@/lib/vault/wire";
import { describeVaultError } from "../vault/use-vault";

/** What the form starts with (the "Use with agents" page fills it for an agent): the first vault key of each provider is chosen. */
export interface TokenFormDefaults {
  name?: string;
  providers?: readonly ProviderId[];
  models?: string;
  budget?: string;
  rpm?: string;
}

const firstKeys = (items: VaultItemRecord[], providers: readonly ProviderId[] = []) =>
  Object.fromEntries(providers.flatMap((provider) => {
    const item = items.find((i) => i.provider === provider);
    return item ? [[provider, item.id]] : [];
  }));

export function CreateTokenForm({ items, onCreated, defaults = {}, title = "Create a token" }: { items: VaultItemRecord[]; onCreated: (token: string, connection: ConnectionSummary) => void; defaults?: TokenFormDefaults; title?: string }) {
  const [name, setName] = useState(defaults.name ?? "");
  const [choice, setChoice] = useState<Record<string, string>>(() => firstKeys(items, defaults.providers));
  const [models, setModels] = useState(defaults.models ?? "");
  const [budget, setBudget] = useState(defaults.budget ?? "10");
  const [rpm, setRpm] = useState(defaults.rpm ?? "60");
  const [expires, setExpires] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Providers with a key in the vault get a choice; the others are named once.
  const held = providerIds.filter((provider) => items.some((i) => i.provider === provider));
  const missing = providerIds.filter((provider) => !held.includes(provider));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const itemIds = Object.values(choice).filter(Boolean);
    if (!name.trim()) return setError("Give the token a name, like “Support bot”.");
    if (itemIds.length === 0) return setError("Choose at least one key the token may use.");
    const budgetUsd = budget.trim() === "" ? null : Number(budget);
    const perMinute = rpm.trim() === "" ? null : Number(rpm);
    if (budgetUsd !== null && !(budgetUsd >= 0)) return setError("The monthly budget must be a number of dollars, 0 or more.");
    if (perMinute !== null && !(Number.isInteger(perMinute) && perMinute >= 1)) return setError("Requests per minute must be a whole number, 1 or more.");
    const expiresAt = expires ? Math.floor(new Date(`${expires}T23:59:59Z`).getTime() / 1000) : null;
    if (expiresAt !== null && expiresAt * 1000 < Date.now()) return setError("The expiry date is in the past.");
    setBusy(true);
    try {
      const { token, connection } = await createScopedToken({
        name: name.trim(),
        itemIds,
        policy: { models: policyModelsFromInput({ text: models, providers: items.filter((i) => itemIds.includes(i.id)).map((i) => i.provider) }), budgetUsd, rpm: perMinute, expiresAt },
        save: connectionsApi.create,
      });
      setName("");
      onCreated(token, connection);
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <p className="hint">For a bot or agent. It can call the gateway with the keys you choose, within these limits, and never sees the keys.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="field">
        <label htmlFor="token-name">Name</label>
        <input id="token-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} placeholder="Support bot" />
      </div>
      {missing.length > 0 ? <p className="hint">No key in your vault yet for {missing.map((p) => providerNames[p]).join(", ")}: add one in the vault to use it here.</p> : null}
      <div className="row">
        {held.map((provider) => {
          const options = items.filter((i) => i.provider === provider);
          return (
            <div className="field grow" key={provider}>
              <label htmlFor={`token-key-${provider}`}>{providerNames[provider]} key</label>
              <select id={`token-key-${provider}`} value={choice[provider] ?? ""} onChange={(e) => setChoice({ ...choice, [provider]: e.target.value })}>
                <option value="">Not allowed</option>
                {options.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
      </div>
      <div className="field">
        <label htmlFor="token-models">Allowed models (optional)</label>
        <input id="token-models" value={models} onChange={(e) => setModels(e.target.value)} placeholder="gpt-4o-mini, groq/llama-3.3-70b-versatile (empty: any model of the chosen keys)" />
      </div>
      <div className="row">
        <div className="field grow">
          <label htmlFor="token-budget">Monthly budget (USD)</label>
          <input id="token-budget" inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="token-rpm">Requests per minute</label>
          <input id="token-rpm" inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="token-expires">Expires (optional)</label>
          <input id="token-expires" type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </div>
      </div>
      <button className="button" type="submit" disabled={busy}>
        {busy ? "Creating…" : "Create token"}
      </button>
    </form>
  );
}
