"use client";

import { useState, type FormEvent } from "react";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { updateConnectionLimits } from "@/lib/vault/vault-store";
import { describeVaultError } from "../vault/use-vault";

const day = (seconds: number | null) => (seconds === null ? "" : new Date(seconds * 1000).toISOString().slice(0, 10));

/** New budget, rpm, models and expiry, signed in this browser with the connection's key. */
export function EditLimitsForm({ connection, onSaved, onCancel }: { connection: ConnectionSummary; onSaved: () => void; onCancel: () => void }) {
  const p = connection.policy;
  const [budget, setBudget] = useState(p.budgetUsd === null ? "" : String(p.budgetUsd));
  const [rpm, setRpm] = useState(p.rpm === null ? "" : String(p.rpm));
  const [models, setModels] = useState(p.models.join(", "));
  const [expires, setExpires] = useState(day(p.expiresAt));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const budgetUsd = budget.trim() === "" ? null : Number(budget);
    const perMinute = rpm.trim() === "" ? null : Number(rpm);
    if (budgetUsd !== null && !(budgetUsd >= 0 && budgetUsd <= 1_000_000)) return setError("The monthly budget must be a number of dollars from 0 to 1,000,000 (empty: no cap).");
    if (perMinute !== null && !(Number.isInteger(perMinute) && perMinute >= 1 && perMinute <= 100_000)) return setError("Requests per minute must be a whole number from 1 to 100,000 (empty: no limit).");
    const expiresAt = expires ? Math.floor(new Date(`${expires}T23:59:59Z`).getTime() / 1000) : null;
    if (expiresAt !== null && expiresAt * 1000 < Date.now()) return setError("The expiry date is in the past.");
    setBusy(true);
    try {
      await updateConnectionLimits({ connection, limits: { models: [...new Set(models.split(/[\s,]+/).filter(Boolean))], budgetUsd, rpm: perMinute, expiresAt } });
      onSaved();
    } catch (e) {
      setError(describeVaultError(e));
    } finally {
      setBusy(false);
    }
  }

  const id = (name: string) => `limits-${connection.id}-${name}`;
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={`Limits of ${connection.name}`}>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <div className="row">
        <div className="field grow">
          <label htmlFor={id("budget")}>Monthly budget (USD)</label>
          <input id={id("budget")} inputMode="decimal" value={budget} onChange={(e) => setBudget(e.target.value)} placeholder="no cap" />
        </div>
        <div className="field grow">
          <label htmlFor={id("rpm")}>Requests per minute</label>
          <input id={id("rpm")} inputMode="numeric" value={rpm} onChange={(e) => setRpm(e.target.value)} placeholder="no limit" />
        </div>
        <div className="field grow">
          <label htmlFor={id("expires")}>Expires</label>
          <input id={id("expires")} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} />
        </div>
      </div>
      <div className="field">
        <label htmlFor={id("models")}>Allowed models</label>
        <input id={id("models")} value={models} onChange={(e) => setModels(e.target.value)} placeholder="empty: any model of its providers" />
      </div>
      <div className="key-actions">
        <button className="button" type="submit" disabled={busy}>{busy ? "Signing…" : "Save limits"}</button>
        <button className="button secondary" type="button" onClick={onCancel}>Cancel</button>
      </div>
    </form>
  );
}
