"use client";

import { ConfirmVaultCard } from "../vault/confirm-vault-card";
import { LockedVault } from "../vault/locked-vault";
import { AccountLimits } from "./account-limits";
import { ConnectionList } from "./connection-list";
import { useConnections } from "./use-connections";

/** Apps the person authorized: spend against each cap, limits, pause, revoke; account-wide cap. */
export function ConnectionsScreen() {
  const { list, error, actions, vault } = useConnections();
  const apps = list?.connections.filter((c) => c.kind === "app") ?? null;
  return (
    <>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {vault.status === "locked" ? (
        <details className="card">
          <summary>Unlock your vault to raise a limit or resume an app: those changes are signed in your browser.</summary>
          <LockedVault />
        </details>
      ) : (
        <ConfirmVaultCard />
      )}
      {apps === null ? <p className="hint">Loading…</p> : <ConnectionList connections={apps} actions={actions} empty="No apps connected yet. Apps you authorize through the 1Relay consent page appear here." />}
      {list ? <AccountLimits capMicroUsd={list.accountCapMicroUsd} spentMicroUsd={list.accountSpentMicroUsd} resetsAt={list.resetsAt} onChanged={actions.refresh} /> : null}
    </>
  );
}
