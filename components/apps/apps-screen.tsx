"use client";

import { useState } from "react";
import { appsApi } from "@/lib/apps/apps-api";
import { AppForm } from "./app-form";
import { AppRow } from "./app-row";
import { useApps } from "./use-apps";

/** Register an app, then manage each: details, logo, client secret, delete. */
export function AppsScreen() {
  const { apps, error, added, changed, deleted } = useApps();
  const [registered, setRegistered] = useState<string | null>(null);
  return (
    <>
      <AppForm
        label="Register an app"
        title="Register an app"
        submitLabel="Register app"
        busyLabel="Registering…"
        onSubmit={async (body) => {
          const app = await appsApi.register(body);
          added(app);
          setRegistered(`Registered “${app.name}”. Its client ID is ${app.clientId}.`);
        }}
      />
      <h2>Your apps</h2>
      {registered ? <div className="alert ok" role="status">{registered}</div> : null}
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {apps === null ? (
        error ? null : <p className="hint">Loading…</p>
      ) : apps.length === 0 ? (
        <p className="empty">No apps yet. Register one above to get its client ID.</p>
      ) : (
        <ul className="key-list">
          {apps.map((app) => (
            <AppRow key={app.clientId} app={app} onChanged={changed} onDeleted={deleted} />
          ))}
        </ul>
      )}
    </>
  );
}
