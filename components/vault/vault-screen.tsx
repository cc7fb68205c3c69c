"use client";

import { useCallback, useEffect, useState } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { loadVault } from "@/lib/vault/vault-store";
import { AddKeyForm } from "./add-key-form";
import { ConfirmVaultCard } from "./confirm-vault-card";
import { CreateVaultForm } from "./create-vault-form";
import { KeyRow } from "./key-row";
import { LockedVault } from "./locked-vault";
import { ResetVaultForm } from "./reset-vault-form";
import { useVault } from "./use-vault";

/** An account whose vault was reset before a reset brought its new vault (decision 024): a new one needs the emailed code too. */
function NewVaultAfterReset({ email }: { email: string }) {
  // Once it is made, the new vault is open and this page shows it.
  return (
    <section className="card" aria-labelledby="new-vault-heading">
      <h2 id="new-vault-heading">Create your new vault</h2>
      <p className="hint">
        Your vault was reset. To be sure it is you, your new vault is made with a code we email you. Your master password is stretched with Argon2id in this
        browser and never leaves it.
      </p>
      <ResetVaultForm email={email} offerRevoke={false} />
    </section>
  );
}

export function VaultScreen({ email }: { email: string }) {
  const vault = useVault();
  const [connections, setConnections] = useState<ConnectionSummary[]>([]);
  const refreshConnections = useCallback(() => {
    connectionsApi.list().then(setConnections, () => setConnections([]));
  }, []);
  useEffect(() => {
    void loadVault();
    refreshConnections();
  }, [refreshConnections]);
  const usedBy = (itemId: string) => connections.filter((c) => c.status !== "revoked" && c.grantItems.some((g) => g.itemId === itemId)).map((c) => `“${c.name}”`);

  if (vault.status === "loading") return <p className="hint">Loading your vault…</p>;
  if (vault.status === "error") return <div className="alert error" role="alert">{vault.error}</div>;
  if (vault.status === "absent") return vault.hadVault ? <NewVaultAfterReset email={email} /> : <CreateVaultForm email={email} />;

  const unlocked = vault.status === "unlocked";
  return (
    <>
      <div className="toolbar">
        <span className="badge" data-testid="vault-status">{unlocked ? "Unlocked" : "Locked"}</span>
        {/* Locking is the header's "Lock vault" button, on every page. */}
        {unlocked ? (
          <span className="hint">
            Locks after {vault.autoLockMinutes} minute{vault.autoLockMinutes === 1 ? "" : "s"} idle. “Lock vault” at the top locks it now, in every tab.
          </span>
        ) : null}
      </div>
      {!unlocked ? <LockedVault /> : <ConfirmVaultCard />}
      <h2>Your keys</h2>
      {vault.items.length === 0 ? (
        <p className="empty">No keys yet. Add your OpenAI, Anthropic or Gemini API keys below.</p>
      ) : (
        <ul className="key-list">
          {vault.items.map((item) => (
            <KeyRow key={`${item.id}:${item.version}`} item={item} unlocked={unlocked} usedBy={usedBy(item.id)} onChanged={refreshConnections} />
          ))}
        </ul>
      )}
      {unlocked ? <AddKeyForm /> : null}
    </>
  );
}
