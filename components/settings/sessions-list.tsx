"use client";

import { useEffect, useState } from "react";
import { accountApi } from "@/lib/account/account-api";
import type { SessionInfo } from "@/lib/db/account-queries";
import { Button } from "../ui/button";
import { describeError } from "../ui/describe-error";
import { Notice } from "../ui/notice";
import { useAction } from "../ui/use-action";

const when = (ms: number) => `${new Date(ms).toISOString().replace("T", " ").slice(0, 16)} UTC`;

/** Signed-in sessions (on what, from where, when), and signing out of the others or of all of them. */
export function SessionsList() {
  const [sessions, setSessions] = useState<SessionInfo[] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const action = useAction();
  const load = () => accountApi.sessions().then(setSessions, (e: unknown) => setLoadError(describeError(e)));
  useEffect(() => {
    void load();
  }, []);

  const signOut = (includingThis: boolean) =>
    action.run(async () => {
      const { signedOut } = await accountApi.signOutEverywhere(includingThis);
      // A full page load, not client navigation: nothing of this session stays in memory.
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination
      if (includingThis) return window.location.assign("/signin");
      setMessage(`Ended ${signedOut} other session${signedOut === 1 ? "" : "s"}.`);
      await load();
    });

  return (
    <section className="card settings-section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Signed-in sessions</h2>
      <Notice tone="error">{loadError ?? action.error}</Notice>
      <Notice tone="ok">{message}</Notice>
      {sessions === null ? (
        <p className="hint">Loading…</p>
      ) : (
        <ul className="plain-list" data-testid="sessions">
          {sessions.map((s) => (
            <li key={s.id} data-testid="session">
              <strong data-testid="session-device">{s.device ?? "An earlier sign-in"}</strong> {s.current ? <span className="badge">This session</span> : null}
              <div className="hint">
                Signed in {when(s.createdAt)}
                {s.createdFrom ? <span data-testid="session-from"> from {s.createdFrom}</span> : null} · expires {when(s.expires)}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="key-actions">
        <Button variant="secondary" busy={action.busy} onClick={() => signOut(false)}>End other sessions</Button>
        <Button variant="secondary-danger" busy={action.busy} onClick={() => signOut(true)}>End every session, this one included</Button>
      </div>
    </section>
  );
}
