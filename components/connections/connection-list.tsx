"use client";

import type { ConnectionSummary } from "@/lib/connections/wire";
import { ConnectionCard, type ConnectionActions } from "./connection-card";

export function ConnectionList({ connections, actions, empty }: { connections: ConnectionSummary[]; actions: ConnectionActions; empty: string }) {
  if (connections.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="key-list">
      {connections.map((c) => (
        <ConnectionCard key={c.id} connection={c} actions={actions} />
      ))}
    </ul>
  );
}
