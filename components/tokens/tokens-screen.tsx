"use client";

import Link from "next/link";
import { useState } from "react";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { Notice } from "../ui/notice";
import { ConfirmVaultCard } from "../vault/confirm-vault-card";
import { LockedVault } from "../vault/locked-vault";
import { ConnectionList } from "../connections/connection-list";
import { useConnections } from "../connections/use-connections";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";

export function TokensScreen({ publicUrl }: { publicUrl: string }) {
  const { list, error, actions, vault } = useConnections();
  const [created, setCreated] = useState<{ token: string; connection: ConnectionSummary } | null>(null);
  const tokens = list?.connections.filter((c) => c.kind === "token") ?? null;

  return (
    <>
      <Notice tone="error">{error}</Notice>
      {created ? <NewTokenNotice token={created.token} connection={created.connection} publicUrl={publicUrl} onDone={() => setCreated(null)} /> : null}
      {vault.status === "absent" ? (
        <p>
          <Link href="/dashboard/vault">Create your vault</Link> and add a key first.
        </p>
      ) : null}
      {vault.status === "locked" ? (
        <>
          <p className="hint">Unlock your vault to make a token, change limits or resume a token: they are built and signed here, in your browser.</p>
          <LockedVault />
        </>
      ) : null}
      {vault.status === "unlocked" ? <ConfirmVaultCard /> : null}
      {vault.status === "unlocked" ? (
        <CreateTokenForm
          items={vault.items}
          onCreated={(token, connection) => {
            setCreated({ token, connection });
            // The list shows it at once, then the refresh brings its spend.
            actions.add(connection);
            void actions.refresh();
          }}
        />
      ) : null}
      <h2>Your tokens</h2>
      {tokens === null ? <p className="hint">Loading…</p> : <ConnectionList connections={tokens} actions={actions} empty="No tokens yet." />}
    </>
  );
}
