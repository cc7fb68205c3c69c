"use client";

import { useState, type FormEvent } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import { loosensAccountCap, setAccountCap } from "@/lib/connections/signed-controls";
import { formatUsd } from "./format-usd";
import { describeVaultError, useVault } from "../vault/use-vault";


/** The account-wide monthly cap (on top of each connection's own) and "revoke everything". */
export function AccountLimits({ capMicroUsd, spentMicroUsd, resetsAt, onChanged }: { capMicroUsd: number | null; spentMicroUsd: number; resetsAt: number; onChanged: () => Promise<void> }) {
  const [cap, setCap] = useState(capMicroUsd === null ? "" : String(capMicroUsd / 1_000_000));
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const vault = useVault();

  async function saveCap(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setMessage(null);
    const value = cap.trim() === "" ? null : Number(cap);
    if (value !== null && !(value >= 0 && value <= 1_000_000)) return setError("The cap must be a number of dollars from 0 to 1,000,000 (empty: no cap).");
    if (loosensAccountCap({ monthlyCapUsd: value, currentMicroUsd: capMicroUsd }) && vault.status !== "unlocked") {
      return setError("Unlock your vault to raise or remove the cap: that change is signed in your browser. Lowering it needs no vault.");
    }
    try {
      await setAccountCap({ monthlyCapUsd: value, currentMicroUsd: capMicroUsd });
      // The new cap is shown once the list has it (the next change is judged against it).
      await onChanged();
      setMessage(value === null ? "Account cap removed." : `Account cap set to $${value.toFixed(2)} a month.`);
    } catch (e) {
      setError(describeVaultError(e));
    }
  }

  async function revokeAll() {
    setError(null);
    try {
      const { revoked } = await connectionsApi.revokeAll();
      setMessage(`Revoked ${revoked} connection${revoked === 1 ? "" : "s"}.`);
      setConfirming(false);
      await onChanged();
    } catch (e) {
      setError(describeVaultError(e));
    }
  }

  return (
    <section className="card" aria-label="Account limits">
      <h2>Account limits</h2>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {message ? <div className="alert ok" role="status">{message}</div> : null}
      <p className="hint">
        {formatUsd(spentMicroUsd)} spent this month across all connections{capMicroUsd !== null ? ` of ${formatUsd(capMicroUsd)}` : ""}. Resets {new Date(resetsAt).toISOString().slice(0, 10)} (UTC).
      </p>
      <form className="key-actions" onSubmit={saveCap} noValidate>
        <label htmlFor="account-cap">Monthly cap for the whole account (USD)</label>
        <input id="account-cap" inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} placeholder="no cap" />
        <button className="button secondary" type="submit">Save cap</button>
      </form>
      <div className="key-actions" style={{ marginTop: "1rem" }}>
        {confirming ? (
          <>
            <span>Revoke every token and app? Their next requests will all be refused.</span>
            <button type="button" className="button danger" onClick={revokeAll}>Yes, revoke everything</button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </>
        ) : (
          <button type="button" className="button secondary danger" onClick={() => setConfirming(true)}>Revoke everything</button>
        )}
      </div>
    </section>
  );
}
