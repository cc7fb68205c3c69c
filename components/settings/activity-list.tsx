"use client";

import { useEffect, useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import { describeAuditEvent, type AuditEvent } from "@/lib/audit/audit-kinds";
import { describeError } from "../ui/describe-error";

/** Security events the person can check: vault, keys, connections, sign-ins. */
export function ActivityList() {
  const [events, setEvents] = useState<AuditEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    accountApi.activity().then(setEvents, (e: unknown) => setError(describeError(e)));
  }, []);
  return (
    <section className="card settings-section" aria-labelledby="activity-heading">
      <h2 id="activity-heading">Security activity</h2>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {events === null ? <p className="hint">Loading…</p> : null}
      {events?.length === 0 ? <p className="empty">Nothing yet.</p> : null}
      {events && events.length > 0 ? (
        <ul className="plain-list" data-testid="activity">
          {events.map((e) => (
            <li key={e.id} data-testid="activity-event" data-kind={e.kind}>
              <time dateTime={new Date(e.at).toISOString()}>{new Date(e.at).toISOString().replace("T", " ").slice(0, 16)} UTC</time> · {describeAuditEvent(e)}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
