"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { connectionsApi } from "@/lib/connections/connections-api";
import type { ConnectionSummary } from "@/lib/connections/wire";
import { loadVault } from "@/lib/vault/vault-store";
import { UnlockForm } from "../vault/unlock-form";
import { describeVaultError, useVault } from "../vault/use-vault";
import { CreateTokenForm } from "./create-token-form";
import { NewTokenNotice } from "./new-token-notice";
import { TokenList } from "./token-list";

export function TokensScreen() {
  const vault = useVault();
  const [connections, setConnections] = useState<ConnectionSummary[] | null>(null);
  const [newToken, setNewToken] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setConnections((await connectionsApi.list()).filter((c) => c.kind === "token"));
    } catch (e) {
      setError(describeVaultError(e));
    }
  }, []);

  useEffect(() => {
    if (vault.status === "loading") void loadVault();
  }, [vault.status]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the list from the server once
    void refresh();
  }, [refresh]);

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
          <p className="hint">Unlock your vault to make a token: it is built here, in your browser.</p>
          <UnlockForm />
        </>
      ) : null}
      {vault.status === "unlocked" ? (
        <CreateTokenForm
          items={vault.items}
          onCreated={(token, connection) => {
            setNewToken(token);
            setConnections((list) => [connection, ...(list ?? [])]);
          }}
        />
      ) : null}
      <h2>Your tokens</h2>
      {connections === null ? (
        <p className="hint">Loading…</p>
      ) : (
        <TokenList
          connections={connections}
          onRevoke={async (id) => {
            await connectionsApi.revoke(id);
            await refresh();
          }}
        />
      )}
    </>
  );
}
