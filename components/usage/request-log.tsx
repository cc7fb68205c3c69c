"use client";

import Link from "next/link";
import type { UsageParams } from "@/lib/usage/usage-api";
import { usageApi } from "@/lib/usage/usage-api";
import { exactUsd } from "@/lib/money/money";
import { formatCount, utcTime } from "./format";
import { useRequestLog } from "./use-request-log";

/** Every request (never its prompt or completion): newest first, kept current, paged, exportable. */
export function RequestLog({ params, pageSize = 25, title = "Request log" }: { params: UsageParams; pageSize?: number; title?: string }) {
  const { rows, error, hasMore, loadMore, loadingMore } = useRequestLog(params, pageSize);
  return (
    <section aria-label={title} className="request-log">
      <div className="section-head">
        <h2>{title}</h2>
        <a className="button secondary" href={usageApi.csvHref(params)} download data-testid="export-csv">
          Export CSV
        </a>
      </div>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {rows === null ? (
        <p className="hint" role="status">Loading requests…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No requests match. Calls through your apps and tokens appear here within seconds.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} aria-label={`${title} (scrolls sideways)`}>
          <table className="usage-table">
            <caption className="visually-hidden">{title}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">App</th>
                <th scope="col">Provider</th>
                <th scope="col">Model</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Tokens in / out</th>
                <th scope="col" className="num">Cost</th>
                <th scope="col" className="num">Latency</th>
                <th scope="col">Streamed</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} data-testid="usage-row" data-request-id={r.id}>
                  <td>{utcTime(r.createdAt)}</td>
                  <td>{r.connectionName ? <Link href={`/dashboard/connections/${r.connectionId}`}>{r.connectionName}</Link> : "(removed)"}</td>
                  <td>{r.provider}</td>
                  <td>{r.model}</td>
                  <td>
                    <span className={r.status >= 400 ? "badge danger" : "badge"}>{r.status}</span>
                    {r.errorCode ? <span className="hint"> {r.errorCode}</span> : null}
                  </td>
                  <td className="num">
                    {formatCount(r.inputTokens)} / {formatCount(r.outputTokens)}
                  </td>
                  <td className="num">{exactUsd(r.costMicroUsd)}</td>
                  <td className="num">{formatCount(r.latencyMs)} ms</td>
                  <td>{r.streamed ? "yes" : "no"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {hasMore ? (
        <button type="button" className="button secondary load-more" onClick={() => void loadMore()} disabled={loadingMore}>
          {loadingMore ? "Loading…" : "Older requests"}
        </button>
      ) : null}
    </section>
  );
}
