// GET /v1/relay/status (decision 021): what a relay token may learn about itself, for `1relay
// status` and any program holding one: its status, its signed limits (budget, rpm, providers,
// models, expiry) and its own spend this month. It authenticates exactly like a chat request (one
// call to the account object, the policy's tag verified, no admission) and reveals nothing of the
// account (no email, no account cap) or of other connections. A paused token may still ask.
import type { ConnectionSpend } from "../account/ledger-types";
import type { ConnectionPolicy } from "../connections/wire";
import type { GatewayDeps } from "./deps";
import { serveTokenView } from "./token-view";

export interface RelayStatus {
  object: "relay.status";
  connection_id: string;
  status: "active" | "paused";
  month: string;
  resets_at: string;
  budget_usd: number | null;
  spent_micro_usd: number;
  reserved_micro_usd: number;
  requests: number;
  rpm: number | null;
  providers: string[];
  models: string[];
  expires_at: string | null;
}

export function buildRelayStatus({ connectionId, status, policy, spend }: { connectionId: string; status: "active" | "paused"; policy: ConnectionPolicy; spend: ConnectionSpend }): RelayStatus {
  return {
    object: "relay.status",
    connection_id: connectionId,
    status,
    month: spend.month,
    resets_at: new Date(spend.resetsAt).toISOString(),
    budget_usd: policy.budgetUsd,
    spent_micro_usd: spend.spentMicroUsd,
    reserved_micro_usd: spend.reservedMicroUsd,
    requests: spend.requests,
    rpm: policy.rpm,
    providers: [...policy.providers],
    models: [...policy.models],
    expires_at: policy.expiresAt === null ? null : new Date(policy.expiresAt * 1000).toISOString(),
  };
}

export function handleRelayStatus({ request, deps }: { request: Request; deps: GatewayDeps }): Promise<Response> {
  return serveTokenView({
    request,
    deps,
    allowPaused: true,
    view: async (connection) => {
      const spend = await deps.account(connection.accountId).connectionSpend({ accountId: connection.accountId, connectionId: connection.connectionId });
      return buildRelayStatus({ connectionId: connection.connectionId, status: connection.status, policy: connection.policy, spend });
    },
  });
}
