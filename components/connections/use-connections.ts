"use client";

import { useCallback, useEffect, useState } from "react";
import { connectionsApi, type ConnectionsList } from "@/lib/connections/connections-api";
import { resumeConnection } from "@/lib/connections/signed-controls";
import { loadVault } from "@/lib/vault/vault-store";
import type { ConnectionActions } from "./connection-card";
import { describeError } from "../ui/describe-error";
import { useVault } from "../vault/use-vault";

/** The person's connections with spend, refreshed every few seconds, and the controls on them. */
export function useConnections(): { list: ConnectionsList | null; error: string | null; actions: ConnectionActions; vault: ReturnType<typeof useVault> } {
  const vault = useVault();
  const [list, setList] = useState<ConnectionsList | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setList(await connectionsApi.listAll());
      setError(null);
    } catch (e) {
      setError(describeError(e));
    }
  }, []);

  useEffect(() => {
    if (vault.status === "loading") void loadVault();
  }, [vault.status]);
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- loads the list, then keeps spend current
    void refresh();
    const timer = setInterval(() => void refresh(), 5_000);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = (work: () => Promise<unknown>) => async () => {
    try {
      await work();
    } catch (e) {
      setError(describeError(e));
    }
    await refresh();
  };
  return {
    list,
    error,
    vault,
    actions: {
      revoke: (id) => act(() => connectionsApi.revoke(id))(),
      // Resuming loosens: signed with the vault key (asks to unlock when the vault is locked).
      setPaused: (id, paused) => act(() => (paused ? connectionsApi.pause(id) : resumeConnection({ connectionId: id })))(),
      refresh,
      add: (connection) => setList((current) => (current && !current.connections.some((c) => c.id === connection.id) ? { ...current, connections: [connection, ...current.connections] } : current)),
      canEdit: vault.status === "unlocked",
    },
  };
}
