"use client";

import { useState } from "react";
import type { AgentSetup } from "@/lib/agents/agent-setups";
import { TOKEN_PLACEHOLDER } from "@/lib/agents/agent-setups";
import type { VaultItemRecord } from "@/lib/vault/wire";
import { providerNames } from "@/lib/vault/provider-keys";
import { CreateTokenForm } from "../tokens/create-token-form";
import styles from "./agents.module.css";
import { SnippetPartView } from "./snippet-part";

/**
 * One agent: its set-up for this deployment, and a button that opens the token form filled in
 * for it (the token is built and signed in this browser, as on the Tokens page). The new token
 * goes straight into the set-up, shown once.
 */
export function AgentCard({ agent, origin, items, unlocked, formOpen, onOpenForm }: { agent: AgentSetup; origin: string; items: VaultItemRecord[]; unlocked: boolean; formOpen: boolean; onOpenForm: (open: boolean) => void }) {
  const [token, setToken] = useState<string | null>(null);
  const missing = agent.providers.filter((p) => !items.some((i) => i.provider === p));
  return (
    <section className={`card ${styles.card}`} aria-labelledby={`agent-${agent.id}`} data-testid={`agent-${agent.id}`}>
      <h2 id={`agent-${agent.id}`}>{agent.name}</h2>
      <p className="hint">{agent.summary}</p>
      {agent.parts({ origin, token: token ?? TOKEN_PLACEHOLDER }).map((part, index) => (
        <SnippetPartView key={part.label} part={part} testId={`snippet-${agent.id}-${index}`} />
      ))}
      {token ? (
        <div className="alert warning" role="status">
          The token is in the set-up above. Copy it now: it is shown only once. It is listed under Tokens, where you can change its limits or revoke it.
        </div>
      ) : null}
      <ul className={styles.notes}>
        {agent.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
      {unlocked && !formOpen ? (
        <div className={styles.actions}>
          <button type="button" className="button" onClick={() => onOpenForm(true)} disabled={missing.length > 0}>
            {token ? `Make another token for ${agent.name}` : `Make a token for ${agent.name}`}
          </button>
          {missing.length > 0 ? <p className="hint">Add your {missing.map((p) => providerNames[p]).join(" and ")} key to the vault first.</p> : null}
        </div>
      ) : null}
      {unlocked && formOpen ? (
        <>
          <p className="hint">{agent.modelsHint}</p>
          <CreateTokenForm
            items={items}
            title={`A token for ${agent.name}`}
            defaults={{ name: agent.token.name, providers: agent.providers, models: agent.token.models, budget: agent.token.budget, rpm: agent.token.rpm }}
            onCreated={(made) => {
              setToken(made);
              onOpenForm(false);
            }}
          />
          <div className={styles.actions}>
            <button type="button" className="button secondary" onClick={() => onOpenForm(false)}>
              Cancel
            </button>
          </div>
        </>
      ) : null}
    </section>
  );
}
