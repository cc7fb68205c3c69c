"use client";

import { useState, type FormEvent } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import { loosensAccountCap, setAccountCap } from "@/lib/connections/signed-controls";
import { formatMicroUsd, formatUsd, formatUsdAmount, parseUsdInput } from "@/lib/money/money";
import { POLICY_LIMITS } from "@/lib/connections/wire";
import { Button } from "../ui/button";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";
import { useVault } from "../vault/use-vault";

/** The account-wide monthly cap (on top of each connection's own) and "revoke everything". */
export function AccountLimits({ capMicroUsd, spentMicroUsd, resetsAt, onChanged }: { capMicroUsd: number | null; spentMicroUsd: number; resetsAt: number; onChanged: () => Promise<void> }) {
  const [cap, setCap] = useState(capMicroUsd === null ? "" : formatMicroUsd(capMicroUsd).replace(/\.?0+$/, ""));
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const action = useAction();
  const vault = useVault();

  function saveCap(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const value = parseUsdInput(cap);
    if (value === "invalid" || (value !== null && value > POLICY_LIMITS.maxBudgetUsd)) {
      return action.fail(`The cap must be a number of dollars from 0 to ${formatUsdAmount(POLICY_LIMITS.maxBudgetUsd)} (leave it empty for no cap).`);
    }
    if (loosensAccountCap({ monthlyCapUsd: value, currentMicroUsd: capMicroUsd }) && vault.status !== "unlocked") {
      return action.fail("Unlock your vault to raise or remove the cap: that change is signed in your browser. Lowering it needs no vault.");
    }
    void action.run(async () => {
      await setAccountCap({ monthlyCapUsd: value, currentMicroUsd: capMicroUsd });
      // The new cap is shown once the list has it (the next change is judged against it).
      await onChanged();
      setMessage(value === null ? "Account cap removed." : `Account cap set to ${formatUsdAmount(value)} a month.`);
    });
  }

  const revokeAll = () =>
    action.run(async () => {
      const { revoked } = await connectionsApi.revokeAll();
      setMessage(`Revoked ${revoked} connection${revoked === 1 ? "" : "s"}.`);
      setConfirming(false);
      await onChanged();
    });

  return (
    <section className="card" aria-label="Account limits">
      <h2>Account limits</h2>
      <Notice tone="error">{action.error}</Notice>
      <Notice tone="ok">{message}</Notice>
      <p className="hint">
        {formatUsd(spentMicroUsd)} spent this month across all connections{capMicroUsd !== null ? ` of ${formatUsd(capMicroUsd)}` : ""}. Resets {new Date(resetsAt).toISOString().slice(0, 10)} (UTC).
      </p>
      <form className="key-actions" onSubmit={saveCap} noValidate>
        <label htmlFor="account-cap">Monthly cap for the whole account (USD)</label>
        <input id="account-cap" inputMode="decimal" value={cap} onChange={(e) => setCap(e.target.value)} placeholder="no cap" />
        <Button variant="secondary" type="submit" busy={action.busy} busyLabel="Saving…">Save cap</Button>
      </form>
      <div className="key-actions" style={{ marginTop: "1rem" }}>
        {confirming ? (
          <>
            <span>Revoke every token and app? Their next requests will all be refused.</span>
            <Button variant="danger" busy={action.busy} busyLabel="Revoking…" onClick={revokeAll}>Yes, revoke everything</Button>
            <button type="button" className="button secondary" onClick={() => setConfirming(false)}>Cancel</button>
          </>
        ) : (
          <button type="button" className="button secondary danger" onClick={() => setConfirming(true)}>Revoke everything</button>
        )}
      </div>
    </section>
  );
}
