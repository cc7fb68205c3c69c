"use client";

import { useEffect, useState } from "react";
import type { UsageRow } from "@/lib/db/usage-queries";

const usd = (micro: number) => `$${(micro / 1_000_000).toFixed(6)}`;

/** The latest gateway requests, refreshed every few seconds. */
export function RecentRequests() {
  const [rows, setRows] = useState<UsageRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let stop = false;
    const load = async () => {
      try {
        const response = await fetch("/api/usage", { cache: "no-store" });
        if (!response.ok) throw new Error(`Could not load usage (${response.status}).`);
        const body = (await response.json()) as { requests: UsageRow[] };
        if (!stop) setRows(body.requests);
      } catch (e) {
        if (!stop) setError(e instanceof Error ? e.message : "Could not load usage.");
      }
    };
    void load();
    const timer = setInterval(load, 5000);
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, []);
  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (!rows) return <p className="hint">Loading…</p>;
  if (rows.length === 0) return <p className="empty">No requests yet. Calls through your tokens appear here within seconds.</p>;
  return (
    <div className="table-wrap">
      <table className="usage-table">
        <caption className="visually-hidden">Recent gateway requests</caption>
        <thead>
          <tr>
            <th scope="col">Time (UTC)</th>
            <th scope="col">Token / app</th>
            <th scope="col">Provider</th>
            <th scope="col">Model</th>
            <th scope="col">Status</th>
            <th scope="col">Tokens in / out</th>
            <th scope="col">Cost</th>
            <th scope="col">Latency</th>
            <th scope="col">Streamed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-testid="usage-row">
              <td>{new Date(r.createdAt).toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{r.connectionName ?? "(removed)"}</td>
              <td>{r.provider}</td>
              <td>{r.model}</td>
              <td>{r.status}</td>
              <td>
                {r.inputTokens} / {r.outputTokens}
              </td>
              <td>{usd(r.costMicroUsd)}</td>
              <td>{r.latencyMs} ms</td>
              <td>{r.streamed ? "yes" : "no"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
