"use client";

import Link from "next/link";
import { formatUsdAmount } from "@/lib/money/money";
import { BreakdownTable } from "../usage/breakdown-table";
import { formatCount, utcTime } from "../usage/format";
import { RequestLog } from "../usage/request-log";
import { useUsageSummary } from "../usage/use-usage-summary";
import { describeOrigin } from "@/lib/connections/describe-origin";
import { policyFitsOutput, policyOriginsOf } from "@/lib/connections/wire";
import { ConnectionCard } from "./connection-card";
import { useConnections } from "./use-connections";

/** A connection's page: the card's controls (spend bar, edit limits, pause, revoke) plus its usage. */
export function ConnectionDetail({ id }: { id: string }) {
  const { list, error, actions, vault } = useConnections();
  const params = { range: "month" as const, connection: id };
  const { summary } = useUsageSummary(params, { series: false });
  const c = list?.connections.find((x) => x.id === id);
  const back = c?.kind === "token" ? { href: "/dashboard/tokens", label: "Tokens" } : { href: "/dashboard/connections", label: "Connections" };

  if (list === null) return error ? <div className="alert error" role="alert">{error}</div> : <p className="hint" role="status">Loading…</p>;
  if (!c)
    return (
      <>
        <h1>Not found</h1>
        <p className="empty">
          No such app or token in your account. <Link href="/dashboard/connections">Back to connections</Link>
        </p>
      </>
    );
  return (
    <>
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link href={back.href}>← {back.label}</Link>
      </nav>
      <h1>{c.name}</h1>
      {error ? <div className="alert error" role="alert">{error}</div> : null}
      {vault.status === "locked" ? (
        <p className="hint">
          <Link href="/dashboard/vault">Unlock your vault</Link> to change limits: they are signed in your browser.
        </p>
      ) : null}
      <ul className="key-list">
        <ConnectionCard connection={c} actions={actions} linkToDetail={false} />
      </ul>
      <section className="card" aria-label="Details">
        <dl className="detail-grid" data-testid="connection-details">
          <div>
            <dt>Kind</dt>
            <dd>{c.kind === "app" ? "App (authorized through consent)" : `Token 1r_${c.tokenHint}…`}</dd>
          </div>
          <div>
            <dt>Fit output to budget</dt>
            <dd>{policyFitsOutput(c.policy) ? "on" : "off"}</dd>
          </div>
          <div>
            <dt>Web origins</dt>
            <dd data-testid="connection-origins">{policyOriginsOf(c.policy).length > 0 ? policyOriginsOf(c.policy).join(", ") : "none (not usable from a web page)"}</dd>
          </div>
          <div>
            <dt>Status</dt>
            <dd>{c.status}</dd>
          </div>
          <div>
            <dt>Monthly budget</dt>
            <dd>{c.policy.budgetUsd === null ? "no cap" : formatUsdAmount(c.policy.budgetUsd)}</dd>
          </div>
          <div>
            <dt>Rate limit</dt>
            <dd>{c.policy.rpm === null ? "none" : `${c.policy.rpm} requests per minute`}</dd>
          </div>
          <div>
            <dt>Providers</dt>
            <dd>{c.providers.join(", ")}</dd>
          </div>
          <div>
            <dt>Allowed models</dt>
            <dd>{c.policy.models.length === 0 ? "any model of its providers" : c.policy.models.join(", ")}</dd>
          </div>
          <div>
            {/* The same usage records as the table below (refused and failed requests included). */}
            <dt>Requests this month</dt>
            <dd data-testid="requests-this-month">
              {summary ? `${formatCount(summary.totals.requests)}${summary.totals.errors > 0 ? ` (${formatCount(summary.totals.errors)} refused or failed)` : ""}` : "…"}
            </dd>
          </div>
          <div>
            <dt>Last used</dt>
            <dd>{c.lastUsedAt ? `${utcTime(c.lastUsedAt)} UTC` : "never"}</dd>
          </div>
          <div>
            <dt>Made</dt>
            <dd data-testid="connection-made">{describeOrigin(c).replace(/^Made /, "")}</dd>
          </div>
          {c.policy.expiresAt ? (
            <div>
              <dt>Expires</dt>
              <dd>{`${utcTime(c.policy.expiresAt * 1000)} UTC`}</dd>
            </div>
          ) : null}
        </dl>
      </section>
      <h2>This month</h2>
      <div className="breakdowns">
        <BreakdownTable title="By provider" rows={summary?.byProvider ?? null} testId="by-provider" />
        <BreakdownTable title="By model" rows={summary?.byModel ?? null} testId="by-model" />
      </div>
      <RequestLog params={params} pageSize={10} title="Recent requests" />
    </>
  );
}
