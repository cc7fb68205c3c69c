"use client";

import Link from "next/link";
import { useState } from "react";
import { exactUsd } from "@/lib/money/money";
import { KEY_TESTS, type UsageLogRow } from "@/lib/usage/usage-types";
import { labelOfApi } from "@/lib/usage/api-labels";
import { formatCount, utcTime } from "./format";

/** The app column: a link to the connection's page (key tests and removed connections have none). */
function AppCell({ row }: { row: UsageLogRow }) {
  if (!row.connectionName) return <>(removed)</>;
  if (row.connectionName === KEY_TESTS.label) return <>{row.connectionName}</>;
  return <Link href={`/dashboard/connections/${row.connectionId}`}>{row.connectionName}</Link>;
}

/**
 * One request in the log: the columns that fit at a glance (time, app, model and provider,
 * status, cost) and, on expand, the rest (tokens, latency, streamed, the record's id). Columns
 * are compact so another one (the API a request used) fits at 1280 px.
 */
export function RequestLogRow({ row: r, columns }: { row: UsageLogRow; columns: number }) {
  const [open, setOpen] = useState(false);
  const detailsId = `request-${r.id}`;
  return (
    <>
      <tr className="log-row" data-testid="usage-row" data-request-id={r.id}>
        <td className="log-time">{utcTime(r.createdAt)}</td>
        <td className="log-app">
          <AppCell row={r} />
        </td>
        <td className="log-model">
          <span className="mono">{r.model}</span>
          <span className="hint log-provider">{r.provider}</span>
        </td>
        <td className="log-api" title={labelOfApi(r.api)} data-cell="api">
          {r.api}
        </td>
        <td className="log-status">
          <span className={r.status >= 400 ? "badge danger" : "badge"}>{r.status}</span>
          {r.errorCode ? <span className="hint log-error"> {r.errorCode}</span> : null}
        </td>
        <td className="num log-cost">{exactUsd(r.costMicroUsd)}</td>
        <td className="log-more">
          <button type="button" className="link-button" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
            {open ? "Less" : "More"}
            <span className="visually-hidden"> about the request at {utcTime(r.createdAt)}</span>
          </button>
        </td>
      </tr>
      {open ? (
        <tr className="log-details" id={detailsId}>
          <td colSpan={columns}>
            <dl className="detail-grid" data-testid="usage-row-details">
              <div>
                <dt>Tokens in / out</dt>
                <dd>
                  {formatCount(r.inputTokens)} / {formatCount(r.outputTokens)}
                  {r.cachedTokens > 0 ? ` (${formatCount(r.cachedTokens)} cached)` : ""}
                </dd>
              </div>
              <div>
                <dt>Latency</dt>
                <dd>{formatCount(r.latencyMs)} ms</dd>
              </div>
              <div>
                <dt>Streamed</dt>
                <dd>{r.streamed ? "yes" : "no"}</dd>
              </div>
              <div>
                <dt>Provider</dt>
                <dd>{r.provider}</dd>
              </div>
              {r.errorCode ? (
                <div>
                  <dt>Error</dt>
                  <dd>{r.errorCode}</dd>
                </div>
              ) : null}
              <div>
                <dt>Record</dt>
                <dd className="mono">{r.id}</dd>
              </div>
            </dl>
          </td>
        </tr>
      ) : null}
    </>
  );
}
