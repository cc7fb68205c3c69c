import type { UsageTotals } from "@/lib/usage/usage-types";
import { formatUsd } from "@/lib/money/money";
import { formatCount } from "./format";

/** The headline figures of the range: requests, tokens in and out, spend. */
export function UsageTotalsView({ totals }: { totals: UsageTotals | null }) {
  const value = (text: string) => (totals === null ? "…" : text);
  return (
    <section className="stats" aria-label="Totals" aria-busy={totals === null} data-testid="usage-totals">
      <div className="stat card">
        <div className="label">Requests</div>
        <div className="value" data-testid="total-requests">{value(formatCount(totals?.requests ?? 0))}</div>
        {totals && totals.errors > 0 ? <div className="hint">{formatCount(totals.errors)} refused or failed</div> : null}
      </div>
      <div className="stat card">
        <div className="label">Input tokens</div>
        <div className="value" data-testid="total-input">{value(formatCount(totals?.inputTokens ?? 0))}</div>
      </div>
      <div className="stat card">
        <div className="label">Output tokens</div>
        <div className="value" data-testid="total-output">{value(formatCount(totals?.outputTokens ?? 0))}</div>
      </div>
      <div className="stat card">
        <div className="label">Spend</div>
        <div className="value" data-testid="total-spend">{value(formatUsd(totals?.costMicroUsd ?? 0))}</div>
      </div>
    </section>
  );
}
