"use client";

import Link from "next/link";
import { useState } from "react";
import { ConfirmVaultCard } from "../vault/confirm-vault-card";
import { UnlockForm } from "../vault/unlock-form";
import { ConnectionList } from "../connections/connection-list";
import { useConnections } from "../connections/use-connections";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";

export function TokensScreen() {
  const { list, error, actions, vault } = useConnections();
  const [newToken, setNewToken] = useState<string | null>(null);
  const tokens = list?.connections.filter((c) => c.kind === "token") ?? null;

  return (
    <>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {newToken ? <NewTokenNotice token={newToken} onDone={() => setNewToken(null)} /> : null}
      {vault.status === "absent" ? (
        <p>
          <Link href="/dashboard/vault">Create your vault</Link> and add a key first.
        </p>
      ) : null}
      {vault.status === "locked" ? (
        <>
          <p className="hint">Unlock your vault to make a token, change limits or resume a token: they are built and signed here, in your browser.</p>
          <UnlockForm />
        </>
      ) : null}
      {vault.status === "unlocked" ? <ConfirmVaultCard /> : null}
      {vault.status === "unlocked" ? (
        <CreateTokenForm
          items={vault.items}
          onCreated={(token) => {
            setNewToken(token);
            void actions.refresh();
          }}
        />
      ) : null}
      <h2>Your tokens</h2>
      {tokens === null ? <p className="hint">Loading…</p> : <ConnectionList connections={tokens} actions={actions} empty="No tokens yet." />}
    </>
  );
}
