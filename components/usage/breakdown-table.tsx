import Link from "next/link";
import { KEY_TESTS, type UsageBreakdownRow } from "@/lib/usage/usage-types";
import { exactUsd } from "@/lib/money/money";
import { formatCount } from "./format";

/** Requests, tokens and spend per app, provider or model. Apps link to their page. */
export function BreakdownTable({ title, rows, testId, linkConnections = false }: { title: string; rows: UsageBreakdownRow[] | null; testId: string; linkConnections?: boolean }) {
  return (
    <section className="breakdown" aria-label={title}>
      <h3>{title}</h3>
      {rows === null ? (
        <p className="hint" role="status">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="hint">No requests in this range.</p>
      ) : (
        <div className="table-wrap">
          <table className="usage-table" data-testid={testId}>
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{title.replace(/^By /, "").replace(/^./, (c) => c.toUpperCase())}</th>
                <th scope="col" className="num">Requests</th>
                <th scope="col" className="num">Input tokens</th>
                <th scope="col" className="num">Output tokens</th>
                <th scope="col" className="num">Spend</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-testid="breakdown-row" data-key={r.key}>
                  <th scope="row">{linkConnections && r.label !== "(removed)" && r.key !== KEY_TESTS.key ? <Link href={`/dashboard/connections/${r.key}`}>{r.label}</Link> : r.label}</th>
                  <td className="num" data-cell="requests">{formatCount(r.requests)}</td>
                  <td className="num">{formatCount(r.inputTokens)}</td>
                  <td className="num">{formatCount(r.outputTokens)}</td>
                  <td className="num" data-cell="spend">{exactUsd(r.costMicroUsd)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
