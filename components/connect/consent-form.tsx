"use client";

import { useState, type FormEvent } from "react";
import type { ParsedScope } from "@/lib/connect/scope";
import { policyModelsFromInput } from "@/lib/connections/policy-models";
import { providerNames } from "@/lib/vault/provider-keys";
import type { VaultItemRecord } from "@/lib/vault/wire";
import { describeVaultError } from "../vault/use-vault";
import { answerConsent } from "./consent-answer";

export interface ConsentProps {
  requestId: string;
  clientId: string;
  appName: string;
  appKey: string;
  scope: ParsedScope;
  suggested: { budgetUsd?: number; rpm?: number };
  /** A program's device request (decision 021) rather than an app's: the answer goes to its next poll. */
  flow?: "app" | "device";
}

/** What the person grants: which key per provider, models, a monthly budget and rpm. */
export function ConsentForm({ consent, items }: { consent: ConsentProps; items: VaultItemRecord[] }) {
  const { scope } = consent;
  const named = scope.providers.flatMap((p) => scope.models[p] ?? []);
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(scope.providers.map((p) => [p, items.find((i) => i.provider === p)?.id ?? ""])));
  const [models, setModels] = useState<Record<string, boolean>>(() => Object.fromEntries(named.map((m) => [m, true])));
  const [modelText, setModelText] = useState("");
  const [budget, setBudget] = useState(String(consent.suggested.budgetUsd ?? 10));
  const [rpm, setRpm] = useState(String(consent.suggested.rpm ?? 60));
  const [busy, setBusy] = useState<"approve" | "deny" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function approve(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const itemIds = Object.values(choice).filter(Boolean);
    if (itemIds.length === 0) return setError("Choose at least one key to share with this app, or deny.");
    const budgetUsd = budget.trim() === "" ? null : Number(budget);
    const perMinute = rpm.trim() === "" ? null : Number(rpm);
    if (budgetUsd !== null && !(budgetUsd >= 0 && budgetUsd <= 1_000_000)) return setError("The monthly budget must be a number of dollars from 0 to 1,000,000.");
    if (perMinute !== null && !(Number.isInteger(perMinute) && perMinute >= 1 && perMinute <= 100_000)) return setError("Requests per minute must be a whole number from 1 to 100,000.");
    const grantedProviders = scope.providers.filter((p) => choice[p]);
    const chosenModels = named.length > 0 ? named.filter((m) => models[m] && grantedProviders.some((p) => (scope.models[p] ?? []).includes(m))) : policyModelsFromInput({ text: modelText, providers: grantedProviders });
    if (named.length > 0 && chosenModels.length === 0) return setError("Keep at least one model.");
    setBusy("approve");
    try {
      setDone(await answerConsent({ consent, grant: { name: consent.appName.slice(0, 80), itemIds, policy: { models: chosenModels, budgetUsd, rpm: perMinute, expiresAt: null } } }));
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(null);
    }
  }

  async function deny() {
    setError(null);
    setBusy("deny");
    try {
      setDone(await answerConsent({ consent, grant: null }));
    } catch (e) {
      setError(describeVaultError(e));
      setBusy(null);
    }
  }

  if (done) return <div className="alert ok" role="status">{done}</div>;
  return (
    <form className="card" onSubmit={approve} noValidate aria-label={consent.flow === "device" ? "Authorize this program" : "Authorize this app"}>
      <h2>{consent.appName} asks to use your AI keys</h2>
      <p className="hint">It never sees the keys: it gets a relay token limited to what you choose here, which you can pause or revoke at any time.</p>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {scope.providers.map((provider) => {
        const options = items.filter((i) => i.provider === provider);
        return (
          <div className="field" key={provider}>
            <label htmlFor={`consent-key-${provider}`}>{providerNames[provider]} key</label>
            <select id={`consent-key-${provider}`} value={choice[provider] ?? ""} onChange={(e) => setChoice({ ...choice, [provider]: e.target.value })}>
              <option value="">Don’t share {providerNames[provider]}</option>
              {options.map((i) => (
                <option key={i.id} value={i.id}>{i.label}</option>
              ))}
            </select>
            {options.length === 0 ? <span className="hint">No {providerNames[provider]} key in your vault.</span> : null}
          </div>
        );
      })}
      {named.length > 0 ? (
        <fieldset className="field">
          <legend>Models it may use</legend>
          {named.map((m) => (
            <label className="check" key={m}>
              <input type="checkbox" checked={models[m] ?? false} onChange={(e) => setModels({ ...models, [m]: e.target.checked })} /> <code>{m}</code>
            </label>
          ))}
        </fieldset>
      ) : (
        <div className="field">
          <label htmlFor="consent-models">Limit to models (optional)</label>
          <input id="consent-models" value={modelText} onChange={(e) => setModelText(e.target.value)} placeholder="e.g. gpt-4o-mini, groq/llama-3.3-70b-versatile (empty: any model)" />
        </div>
      )}
      <div className="row">
        <div className="field grow">
          <label htmlFor="consent-budget">Monthly budget (USD)</label>
          <input id="consent-budget" inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} />
        </div>
        <div className="field grow">
          <label htmlFor="consent-rpm">Requests per minute</label>
          <input id="consent-rpm" inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} />
        </div>
      </div>
      <div className="key-actions">
        <button className="button" type="submit" disabled={busy !== null}>{busy === "approve" ? "Approving…" : "Approve"}</button>
        <button className="button secondary" type="button" disabled={busy !== null} onClick={deny}>{busy === "deny" ? "Denying…" : "Deny"}</button>
      </div>
    </form>
  );
}
