"use client";

import { useState } from "react";
import type { UsageParams } from "@/lib/usage/usage-api";
import { BreakdownTable } from "./breakdown-table";
import { BudgetChart, SeriesCharts } from "./lazy-charts";
import { RequestLog } from "./request-log";
import { UsageControls } from "./usage-controls";
import { UsageTotalsView } from "./usage-totals";
import { useConnectionList } from "./use-connection-list";
import { useUsageSummary } from "./use-usage-summary";

const today = () => new Date().toISOString().slice(0, 10);

/** The Usage page: range and filters, totals, charts, breakdowns and the request log, live. */
export function UsageScreen() {
  const [params, setParams] = useState<UsageParams>({ range: "month" });
  const [by, setBy] = useState<"connection" | "provider">("connection");
  const onChange = (next: UsageParams) => setParams(next.range === "custom" && !next.from ? { ...next, from: today().slice(0, 8) + "01", to: today() } : next);
  const { summary, series, error } = useUsageSummary(params, { by });
  const list = useConnectionList();
  const connections = (list?.connections ?? []).map((c) => ({ id: c.id, name: c.kind === "token" ? `${c.name} (token)` : c.name }));
  const models = [...new Set([...(summary?.byModel.map((m) => m.key) ?? []), ...(params.model ? [params.model] : [])])].sort();
  const budgets = (list?.connections ?? [])
    .filter((c) => c.status !== "revoked" && (c.policy.budgetUsd !== null || (c.spend?.spentMicroUsd ?? 0) > 0))
    .map((c) => ({ name: c.name, spent: (c.spend?.spentMicroUsd ?? 0) / 1_000_000, budget: c.policy.budgetUsd }));
  const empty = summary !== null && summary.totals.requests === 0;

  return (
    <div className="usage-screen">
      <UsageControls params={params} onChange={onChange} options={{ connections, models }} />
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      <p className="hint" aria-live="polite">
        {summary ? `${new Date(summary.range.from).toISOString().slice(0, 10)} to ${new Date(summary.range.to - 1).toISOString().slice(0, 10)} (UTC). Updates every few seconds.` : "Loading…"}
      </p>
      <UsageTotalsView totals={summary?.totals ?? null} />

      <section aria-label="Charts" className="chart-section">
        <div className="section-head">
          <h2>Over time</h2>
          <fieldset className="segmented" aria-label="Stack the charts by">
            <legend className="visually-hidden">Stack the charts by</legend>
            {(["connection", "provider"] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="stack-by" value={value} checked={by === value} onChange={() => setBy(value)} />
                <span>{value === "connection" ? "By app" : "By provider"}</span>
              </label>
            ))}
          </fieldset>
        </div>
        {series === null ? <div className="chart-placeholder" role="status">Loading charts…</div> : empty ? <p className="empty">No requests in this range yet. Charts appear with the first call.</p> : <SeriesCharts series={series} />}
        <h2>Budgets this month</h2>
        {list === null ? <div className="chart-placeholder" role="status">Loading budgets…</div> : budgets.length === 0 ? <p className="hint">No app has a budget or spend this month.</p> : <BudgetChart points={budgets} />}
      </section>

      <h2>Breakdown</h2>
      <div className="breakdowns">
        <BreakdownTable title="By app" rows={summary?.byConnection ?? null} testId="by-app" linkConnections />
        <BreakdownTable title="By provider" rows={summary?.byProvider ?? null} testId="by-provider" />
        <BreakdownTable title="By model" rows={summary?.byModel ?? null} testId="by-model" />
        <BreakdownTable title="By API" rows={summary?.byApi ?? null} testId="by-api" />
      </div>

      <RequestLog params={params} />
    </div>
  );
}
