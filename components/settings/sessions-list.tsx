"use client";

import { useEffect, useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import type { SessionInfo } from "@/lib/db/account-queries";
import { describeError } from "../ui/describe-error";

const when = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** Signed-in sessions, and signing out of the others or of all of them. */
export function SessionsList() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = () => accountApi.sessions().then(setSessions, (e: unknown) => setError(describeError(e)));
  useEffect(() => {
    void load();
  }, []);

  async function signOut(includingThis: boolean) {
    setError(null);
    try {
      const { signedOut } = await accountApi.signOutEverywhere(includingThis);
      // A full page load, not client navigation: nothing of this session stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (includingThis) return window.location.assign("/signin");
      setMessage(`Ended ${signedOut} other session${signedOut === 1 ? "" : "s"}.`);
      await load();
    } catch (e) {
      setError(describeError(e));
    }
  }

  return (
    <section className="card settings-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Signed-in sessions</h2>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {message ? <div className="alert ok" role="status">{message}</div> : null}
      {sessions === null ? (
        <p className="hint">Loading…</p>
      ) : (
        <ul className="plain-list" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid="session">
              Signed in {when(s.createdAt)} · expires {when(s.expires)} {s.current ? <span className="badge">This session</span> : null}
            </li>
          ))}
        </ul>
      )}
      <div className="key-actions">
        <button type="button" className="button secondary" onClick={() => signOut(false)}>End other sessions</button>
        <button type="button" className="button secondary danger" onClick={() => signOut(true)}>End every session, this one included</button>
      </div>
    </section>
  );
}
