import type { Metadata } from "next";
import Link from "next/link";
import { nextStep } from "@/lib/account/next-step";
import { requireUser } from "@/lib/auth/current-user";
import { listConnectionsFor } from "@/lib/connections/connection-service";
import { formatUsd, formatUsdAmount } from "@/lib/money/money";
import { providerNames } from "@/lib/vault/provider-keys";
import { getVaultState } from "@/lib/vault/vault-service";
import { describeOrigin } from "@/lib/connections/describe-origin";

export const metadata: Metadata = { title: "Overview" };

/** The person's home: vault and keys, this month's spend against the caps, the newest connections, what to do next. */
export default async function OverviewPage() {
  const user = await requireUser();
  const [vault, list] = await Promise.all([getVaultState({ userId: user.id }), listConnectionsFor({ userId: user.id })]);
  const live = list.connections.filter((c) => c.status !== "revoked");
  const next = nextStep({ hasVault: vault.vault !== null, keys: vault.items.length, connections: live.length, used: live.filter((c) => c.lastUsedAt !== null || (c.spend?.requests ?? 0) > 0).length });
  const providers = [...new Set(vault.items.map((i) => providerNames[i.provider]))];
  const requests = list.connections.reduce((n, c) => n + (c.spend?.requests ?? 0), 0);
  const paused = live.filter((c) => c.status === "paused").length;
  return (
    <>
      <h1>Overview</h1>
      <p>Your keys stay sealed in your vault. Apps and bots get relay tokens with the limits you set.</p>
      {next ? (
        <section className="card next-step" aria-label="Next step" data-testid="next-step" data-step={next.id}>
          <h2>Next: {next.title}</h2>
          <p className="hint">{next.detail}</p>
          <Link className="button" href={next.href}>
            {next.title}
          </Link>
        </section>
      ) : null}
      <div className="stats">
        <div className="card stat" data-testid="stat-vault">
          <div className="label">Vault</div>
          <div className="value">{vault.vault === null ? "Not created" : `${vault.items.length} key${vault.items.length === 1 ? "" : "s"}`}</div>
          <div className="hint">{providers.length > 0 ? providers.join(", ") : vault.vault ? "No keys yet" : "Create it to add keys"}</div>
        </div>
        <div className="card stat" data-testid="stat-spend">
          <div className="label">Spent this month</div>
          <div className="value">{formatUsd(list.accountSpentMicroUsd)}</div>
          <div className="hint">{list.accountCapMicroUsd === null ? "No account-wide cap" : `of a ${formatUsd(list.accountCapMicroUsd)} account cap`}</div>
        </div>
        <div className="card stat" data-testid="stat-connections">
          <div className="label">Apps and tokens</div>
          <div className="value">{live.length}</div>
          <div className="hint">{paused > 0 ? `${paused} paused` : "none paused"}</div>
        </div>
        <div className="card stat" data-testid="stat-requests">
          <div className="label">Requests this month</div>
          <div className="value">{requests.toLocaleString("en-US")}</div>
          <div className="hint">
            <Link href="/dashboard/usage">See usage</Link>
          </div>
        </div>
      </div>
      <div className="section-head">
        <h2>Newest connections</h2>
        <Link href="/dashboard/connections">All connections</Link>
      </div>
      {live.length === 0 ? (
        <p className="empty">No apps or tokens yet.</p>
      ) : (
        <ul className="plain-list newest" data-testid="newest-connections">
          {live.slice(0, 5).map((c) => (
            <li key={c.id} className="card compact">
              <Link href={`/dashboard/connections/${c.id}`}>{c.name}</Link> <span className="badge">{c.kind === "app" ? "app" : "token"}</span>{" "}
              {c.status === "paused" ? <span className="badge warning">paused</span> : null}
              <div className="hint">
                {formatUsd(c.spend?.spentMicroUsd ?? 0)} {c.policy.budgetUsd === null ? "spent, no budget cap" : `of ${formatUsdAmount(c.policy.budgetUsd)}`} · {describeOrigin(c)}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
