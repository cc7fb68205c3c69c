"use client";

import { useState } from "react";
import type { ConnectionSummary } from "@/lib/connections/wire";

function describeLimits(c: ConnectionSummary): string {
  const parts = [
    c.policy.budgetUsd === null ? "no budget cap" : `$${c.policy.budgetUsd}/month`,
    c.policy.rpm === null ? "no rate limit" : `${c.policy.rpm} req/min`,
  ];
  if (c.policy.models.length > 0) parts.push(`models: ${c.policy.models.join(", ")}`);
  if (c.policy.expiresAt) parts.push(`expires ${new Date(c.policy.expiresAt * 1000).toISOString().slice(0, 10)}`);
  return parts.join(" · ");
}

export function TokenList({ connections, onRevoke }: { connections: ConnectionSummary[]; onRevoke: (id: string) => Promise<void> }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  if (connections.length === 0) return <p className="empty">No tokens yet.</p>;
  return (
    <ul className="key-list">
      {connections.map((c) => (
        <li className="key-row" key={c.id} data-testid="token-row" data-status={c.status}>
          <div className="key-main">
            <strong>{c.name}</strong>
            <code className="key-value">1r_…{c.tokenHint}</code>
            <span className="badge">{c.status}</span>
            <span className="hint">{c.providers.join(", ")}</span>
          </div>
          <div className="hint">
            {describeLimits(c)} · created {new Date(c.createdAt).toISOString().slice(0, 10)} · {c.lastUsedAt ? `last used ${new Date(c.lastUsedAt).toISOString().replace("T", " ").slice(0, 16)} UTC` : "never used"}
          </div>
          {c.status !== "revoked" ? (
            confirming === c.id ? (
              <div className="key-actions">
                <span>Revoke “{c.name}”? Its next request will be refused.</span>
                <button type="button" className="button danger" onClick={async () => { await onRevoke(c.id); setConfirming(null); }}>Yes, revoke</button>
                <button type="button" className="button secondary" onClick={() => setConfirming(null)}>Keep it</button>
              </div>
            ) : (
              <div className="key-actions">
                <button type="button" className="button secondary danger" onClick={() => setConfirming(c.id)}>Revoke</button>
              </div>
            )
          ) : null}
        </li>
      ))}
    </ul>
  );
}
