"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { AGENT_SETUPS, type AgentId } from "@/lib/agents/agent-setups";
import { loadVault } from "@/lib/vault/vault-store";
import { UnlockForm } from "../vault/unlock-form";
import { ConfirmVaultCard } from "../vault/confirm-vault-card";
import { useVault } from "../vault/use-vault";
import { AgentCard } from "./agent-card";
import styles from "./agents.module.css";

/** Every agent's set-up for this deployment; with the vault unlocked, a token can be made for one. */
export function AgentsScreen({ origin }: { origin: string }) {
  const vault = useVault();
  const [open, setOpen] = useState<AgentId | null>(null);
  useEffect(() => {
    if (vault.status === "loading") void loadVault();
  }, [vault.status]);
  const unlocked = vault.status === "unlocked";
  return (
    <div className={styles.agents}>
      {vault.status === "absent" ? (
        <p>
          <Link href="/dashboard/vault">Create your vault</Link> and add a key to make a token for an agent.
        </p>
      ) : null}
      {vault.status === "locked" ? (
        <>
          <p className="hint">Unlock your vault to make a token for an agent: it is built and signed here, in your browser.</p>
          <UnlockForm />
        </>
      ) : null}
      {unlocked ? <ConfirmVaultCard /> : null}
      {AGENT_SETUPS.map((agent) => (
        <AgentCard key={agent.id} agent={agent} origin={origin} items={vault.items} unlocked={unlocked} formOpen={open === agent.id} onOpenForm={(isOpen) => setOpen(isOpen ? agent.id : null)} />
      ))}
    </div>
  );
}
