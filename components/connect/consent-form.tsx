"use client";

import { useState, type FormEvent } from "react";
import type { ParsedScope } from "@/lib/connect/scope";
import { findUnknownModels } from "@/lib/connections/catalogue-models";
import { parseLimitsInput, type LimitsDraft, type LimitsField } from "@/lib/connections/limits-input";
import { providerNames } from "@/lib/vault/provider-keys";
import type { VaultItemRecord } from "@/lib/vault/wire";
import { LimitsFields } from "../limits/limits-fields";
import { Button } from "../ui/button";
import { Field } from "../ui/field";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
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
  /** The web origins the app registered (decision 022): signed into the connection's policy as they are. */
  origins?: readonly string[];
}

/** What the person grants: which key per provider, models, a monthly budget and rpm. */
export function ConsentForm({ consent, items }: { consent: ConsentProps; items: VaultItemRecord[] }) {
  const { scope } = consent;
  const named = scope.providers.flatMap((p) => scope.models[p] ?? []);
  const [choice, setChoice] = useState<Record<string, string>>(() => Object.fromEntries(scope.providers.map((p) => [p, items.find((i) => i.provider === p)?.id ?? ""])));
  // A model the app named that is not in the catalogue cannot be granted (no request could use it).
  const unknown = new Set(findUnknownModels({ models: named, providers: scope.providers }));
  const [picked, setPicked] = useState<Record<string, boolean>>(() => Object.fromEntries(named.map((m) => [m, !unknown.has(m)])));
  const [limits, setLimits] = useState<LimitsDraft>({ budget: String(consent.suggested.budgetUsd ?? 10), rpm: String(consent.suggested.rpm ?? 60), expires: "", models: [], fitOutput: false, origins: "" });
  const [fieldError, setFieldError] = useState<{ field: LimitsField; message: string } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const action = useAction();
  const grantedProviders = scope.providers.filter((p) => choice[p]);

  function approve(event: FormEvent) {
    event.preventDefault();
    setFieldError(null);
    action.clearError();
    const itemIds = Object.values(choice).filter(Boolean);
    if (itemIds.length === 0) return action.fail("Choose at least one key to share with this app, or deny.");
    const models = named.length > 0 ? named.filter((m) => picked[m] && grantedProviders.some((p) => (scope.models[p] ?? []).includes(m))) : limits.models;
    if (named.length > 0 && models.length === 0) return action.fail("Keep at least one model.");
    const parsed = parseLimitsInput({ draft: { ...limits, models }, nowMs: Date.now() });
    if (!parsed.ok) return setFieldError(parsed);
    void action.run(
      async () => {
        // The app's registered origins, exactly (the server refuses an approval whose origins differ).
        const policy = { ...parsed.limits, origins: [...(consent.origins ?? [])] };
        setDone(await answerConsent({ consent, grant: { name: consent.appName.slice(0, 80), itemIds, policy } }));
      },
      { name: "approve", keepBusy: true },
    );
  }

  function deny() {
    action.clearError();
    void action.run(
      async () => {
        setDone(await answerConsent({ consent, grant: null }));
      },
      { name: "deny", keepBusy: true },
    );
  }

  if (done) return <Notice tone="ok">{done}</Notice>;
  return (
    <form className="card" onSubmit={approve} noValidate aria-label={consent.flow === "device" ? "Authorize this program" : "Authorize this app"}>
      <h2>{consent.appName} asks to use your AI keys</h2>
      <p className="hint">It never sees the keys: it gets a relay token limited to what you choose here, which you can pause or revoke at any time.</p>
      <Notice tone="error">{action.error}</Notice>
      {scope.providers.map((provider) => {
        const options = items.filter((i) => i.provider === provider);
        return (
          <Field key={provider} id={`consent-key-${provider}`} label={`${providerNames[provider]} key`} hint={options.length === 0 ? `No ${providerNames[provider]} key in your vault.` : undefined}>
            <select id={`consent-key-${provider}`} value={choice[provider] ?? ""} onChange={(e) => setChoice({ ...choice, [provider]: e.target.value })}>
              <option value="">Don’t share {providerNames[provider]}</option>
              {options.map((i) => (
                <option key={i.id} value={i.id}>{i.label}</option>
              ))}
            </select>
          </Field>
        );
      })}
      {named.length > 0 ? (
        <fieldset className="field">
          <legend>Models it may use</legend>
          {named.map((m) => (
            <label className="check" key={m}>
              <input type="checkbox" checked={picked[m] ?? false} disabled={unknown.has(m)} onChange={(e) => setPicked({ ...picked, [m]: e.target.checked })} /> <code>{m}</code>
              {unknown.has(m) ? <span className="hint"> (not in 1Relay&apos;s catalogue: it cannot be granted)</span> : null}
            </label>
          ))}
        </fieldset>
      ) : null}
      <LimitsFields id="consent" value={limits} onChange={setLimits} error={fieldError} providers={grantedProviders} fixedModels={named.length > 0 ? named.filter((m) => picked[m]) : undefined} />
      <div className="key-actions">
        <Button type="submit" disabled={action.busy} busy={action.pending === "approve"} busyLabel="Approving…">Approve</Button>
        <Button variant="secondary" disabled={action.busy} busy={action.pending === "deny"} busyLabel="Denying…" onClick={deny}>Deny</Button>
      </div>
    </form>
  );
}
