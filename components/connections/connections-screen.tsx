"use client";

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
      {vault.status === "locked" ? <p className="hint">Unlock your vault (Vault page) to change an app’s limits: they are signed in your browser.</p> : null}
      {apps === null ? <p className="hint">Loading…</p> : <ConnectionList connections={apps} actions={actions} empty="No apps connected yet. Apps you authorize through the 1Relay consent page appear here." />}
      {list ? <AccountLimits capMicroUsd={list.accountCapMicroUsd} spentMicroUsd={list.accountSpentMicroUsd} resetsAt={list.resetsAt} onChanged={actions.refresh} /> : null}
    </>
  );
}
