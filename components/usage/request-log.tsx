"use client";

import type { UsageParams } from "@/lib/usage/usage-api";
import { usageApi } from "@/lib/usage/usage-api";
import { Notice } from "../ui/notice";
import { RequestLogRow } from "./request-log-row";
import { useRequestLog } from "./use-request-log";

/**
 * Every request (never its prompt or completion): newest first, kept current, paged, exportable.
 * Compact columns, the rest on expand (request-log-row.tsx), so it fits at 1280 px without
 * scrolling sideways and reads as cards on a phone.
 */
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
      <Notice tone="error">{error}</Notice>
      {rows === null ? (
        <p className="hint" role="status">Loading requests…</p>
      ) : rows.length === 0 ? (
        <p className="empty">No requests match. Calls through your apps and tokens appear here within seconds.</p>
      ) : (
        <div className="table-wrap">
          <table className="usage-table request-table">
            <caption className="visually-hidden">{title}, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Time (UTC)</th>
                <th scope="col">App</th>
                <th scope="col">Model</th>
                <th scope="col" title="Which API the request used">API</th>
                <th scope="col">Status</th>
                <th scope="col" className="num">Cost</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <RequestLogRow key={r.id} row={r} columns={7} />
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
