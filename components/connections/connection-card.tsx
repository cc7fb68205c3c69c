"use client";

import Link from "next/link";
import { useState } from "react";
import { describeOrigin } from "@/lib/connections/describe-origin";
import { policyFitsOutput, policyOriginsOf, type ConnectionSummary } from "@/lib/connections/wire";
import { Button } from "../ui/button";
import { useAction } from "../ui/use-action";
import { EditLimitsForm } from "./edit-limits-form";
import { SpendBar } from "./spend-bar";

function describeLimits(c: ConnectionSummary): string {
  const parts = [c.policy.rpm === null ? "no rate limit" : `${c.policy.rpm} req/min`];
  if (c.policy.models.length > 0) parts.push(`models: ${c.policy.models.join(", ")}`);
  if (policyFitsOutput(c.policy)) parts.push("fits output to budget");
  const origins = policyOriginsOf(c.policy);
  if (origins.length > 0) parts.push(`web: ${origins.join(", ")}`);
  if (c.policy.expiresAt) parts.push(`expires ${new Date(c.policy.expiresAt * 1000).toISOString().slice(0, 10)}`);
  return parts.join(" · ");
}

const when = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

export interface ConnectionActions {
  revoke: (id: string) => Promise<void>;
  setPaused: (id: string, paused: boolean) => Promise<void>;
  refresh: () => Promise<void>;
  /** Shows a connection just made, before the next refresh. */
  add: (connection: ConnectionSummary) => void;
  /** Editing limits and resuming are signed in the browser: only with the vault unlocked. */
  canEdit: boolean;
}

export function ConnectionCard({ connection: c, actions, linkToDetail = true }: { connection: ConnectionSummary; actions: ConnectionActions; linkToDetail?: boolean }) {
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  // Failures are shown above the list (useConnections); this only keeps the buttons honest.
  const action = useAction();
  const run = (work: () => Promise<void>) => action.run(work);
  const busy = action.busy;
  return (
    <li className="key-row" data-testid="connection-row" data-connection-id={c.id} data-status={c.status}>
      <div className="key-main">
        {c.appLogo ? (
          // eslint-disable-next-line @next/next/no-img-element -- served by us (/connect/logo), never hot-linked
          <img className="connection-logo" src={`/connect/logo/${c.appLogo.clientId}?v=${c.appLogo.version}`} alt={`${c.name} logo`} width={28} height={28} />
        ) : null}
        <strong>{linkToDetail ? <Link href={`/dashboard/connections/${c.id}`} aria-label={`${c.name}: usage and details`}>{c.name}</Link> : c.name}</strong>
        {c.kind === "token" ? <code className="key-value">{`1r_${c.tokenHint}…`}</code> : null}
        <span className="badge">{c.status}</span>
        <span className="hint">{c.providers.join(", ")}</span>
      </div>
      {c.status !== "revoked" ? <SpendBar spentMicroUsd={c.spend?.spentMicroUsd ?? 0} reservedMicroUsd={c.spend?.reservedMicroUsd ?? 0} budgetUsd={c.policy.budgetUsd} /> : null}
      <div className="hint">
        {describeLimits(c)} · {c.lastUsedAt ? `last used ${when(c.lastUsedAt)}` : "never used"}
        {c.revokedAt ? ` · revoked ${when(c.revokedAt)}` : ""}
      </div>
      <div className="hint" data-testid="connection-origin">{describeOrigin(c)}</div>
      {editing ? <EditLimitsForm connection={c} onCancel={() => setEditing(false)} onSaved={async () => { setEditing(false); await actions.refresh(); }} /> : null}
      {c.status === "revoked" ? null : confirming ? (
        <div className="key-actions">
          <span>Revoke “{c.name}”? Its next request will be refused, and this cannot be undone.</span>
          <Button variant="danger" busy={busy} busyLabel="Revoking…" onClick={() => run(async () => { await actions.revoke(c.id); setConfirming(false); })}>Yes, revoke</Button>
          <button type="button" className="button secondary" onClick={() => setConfirming(false)}>Keep it</button>
        </div>
      ) : (
        <div className="key-actions">
          {!editing ? (
            <button type="button" className="button secondary" disabled={!actions.canEdit} title={actions.canEdit ? undefined : "Unlock your vault to change limits"} onClick={() => setEditing(true)}>
              Edit limits
            </button>
          ) : null}
          {c.status === "paused" ? (
            <button type="button" className="button secondary" disabled={busy || !actions.canEdit} title={actions.canEdit ? undefined : "Unlock your vault to resume"} onClick={() => run(() => actions.setPaused(c.id, false))}>
              Resume
            </button>
          ) : (
            <button type="button" className="button secondary" disabled={busy} onClick={() => run(() => actions.setPaused(c.id, true))}>
              Pause
            </button>
          )}
          <button type="button" className="button secondary danger" onClick={() => setConfirming(true)}>Revoke</button>
        </div>
      )}
    </li>
  );
}
