// A request's settlement, created once the account object has answered (authentication and
// admission are one call): it holds the reservation (if any), settles exactly once (the real
// usage, or the rule in lib/limits/settlement.ts), and carries the key's verdict with it. The
// cost is computed here, so the answer need not wait for the object: the finish call is sent
// at once and held by waitUntil, ahead of the client's next request (decision 011).
import type { KeyVerdict, ViewGrant } from "../account/gateway-view";
import type { BeginResult, FinishInput } from "../account/ledger-types";
import { usdToMicroUsd } from "../money/money";
import { computeCostMicroUsd } from "../limits/pricing";
import { remainingAfterSettlement, usageToCharge, type RequestOutcome } from "../limits/settlement";
import type { ConnectionPolicy } from "../connections/wire";
import type { Usage } from "../providers/types";
import type { GatewayContext } from "./context";
import type { GatewayApi } from "./endpoint";
import type { PlannedCall } from "./stages/plan-call";

export type Admitted = Extract<BeginResult, { ok: true }>;

export interface SettledCost {
  costMicroUsd: number;
  /** The tighter budget left after this request (null: none applies; undefined: not known). */
  budgetRemainingMicroUsd: number | null | undefined;
}

export interface SettleInput {
  status: number;
  errorCode: string | null;
  outcome: RequestOutcome;
}

export interface Settlement {
  /** The object's admission, once held. */
  readonly admitted: Admitted | null;
  hold(admitted: Admitted): void;
  /** The object refused the request and recorded it itself: settling does nothing. */
  markRecorded(): void;
  /** The grant this request uses (its key verdict is compared with what the provider says). */
  useGrant(grant: ViewGrant): void;
  /** The call as admitted (its output limit may have been fitted to the budget): its bounds cap what is charged. */
  useCall(call: PlannedCall<unknown>): void;
  noteKeyVerdict(status: KeyVerdict): void;
  /** Settles exactly once; later calls change nothing and return the first figures. */
  settle(input: SettleInput): SettledCost;
}

const NOTHING: SettledCost = { costMicroUsd: 0, budgetRemainingMicroUsd: undefined };

/** Without a price (and so without bounds) the record still carries what the provider reported. */
function reportedUsage(outcome: RequestOutcome): Usage | null {
  if (outcome.kind === "complete") return outcome.usage;
  if (outcome.kind === "interrupted") return outcome.partial;
  return null;
}

interface SettlementScope {
  ctx: GatewayContext;
  /** The endpoint's API, written on the record. */
  api: GatewayApi;
  accountId: string;
  connectionId: string;
  policy: ConnectionPolicy;
  call: PlannedCall<unknown> | null;
}

/** One request's settlement (a class: created per request without per-request closures). */
class RequestSettlement implements Settlement {
  admitted: Admitted | null = null;
  private settled: SettledCost | null = null;
  private grant: ViewGrant | null = null;
  private verdict: KeyVerdict | null = null;

  constructor(private readonly scope: SettlementScope) {}

  hold(admitted: Admitted): void {
    this.admitted = admitted;
  }

  markRecorded(): void {
    this.settled ??= NOTHING;
  }

  useGrant(grant: ViewGrant): void {
    this.grant = grant;
  }

  useCall(call: PlannedCall<unknown>): void {
    this.scope.call = call;
  }

  noteKeyVerdict(status: KeyVerdict): void {
    this.verdict = status;
  }

  settle(input: SettleInput): SettledCost {
    if (this.settled) return this.settled;
    const { ctx, accountId, call } = this.scope;
    const usage = call?.bounds ? usageToCharge({ outcome: input.outcome, bounds: call.bounds }) : reportedUsage(input.outcome);
    const costMicroUsd = usage && call?.price ? computeCostMicroUsd({ price: call.price, usage }) : 0;
    // If the object cannot be reached, the reservation's lease settles it (at its full amount).
    ctx.deps.waitUntil(ctx.deps.account(accountId).finish(this.finishInput(input, costMicroUsd, usage)).catch(ignore));
    const admitted = this.admitted;
    this.settled = {
      costMicroUsd,
      budgetRemainingMicroUsd: admitted ? remainingAfterSettlement({ budgetRemainingMicroUsd: admitted.budgetRemainingMicroUsd, reservedMicroUsd: admitted.reservedMicroUsd, costMicroUsd }) : undefined,
    };
    return this.settled;
  }

  private finishInput({ status, errorCode }: SettleInput, costMicroUsd: number, usage: Usage | null): FinishInput {
    const { ctx, accountId, connectionId, policy, call } = this.scope;
    const { grant, verdict } = this;
    const now = ctx.deps.now();
    return {
      accountId,
      reservationId: this.admitted?.reservationId ?? null,
      budgetMicroUsd: policy.budgetUsd === null ? null : usdToMicroUsd(policy.budgetUsd),
      entry: {
        connectionId,
        provider: call?.target.provider ?? "unknown",
        model: call?.target.upstreamModel ?? "unknown",
        status,
        errorCode,
        inputTokens: usage?.inputTokens ?? 0,
        outputTokens: usage?.outputTokens ?? 0,
        cachedTokens: usage?.cachedInputTokens ?? 0,
        costMicroUsd,
        latencyMs: now - ctx.startedAt,
        streamed: call?.parsed.stream ?? false,
        api: this.scope.api,
        at: now,
      },
      // Only a verdict that differs from what the object had is sent (it writes it to D1).
      ...(grant && verdict && grant.keyStatus !== verdict ? { keyVerdict: { itemId: grant.itemId, keyVersion: grant.itemKeyVersion, status: verdict } } : {}),
    };
  }
}

const ignore = () => {};

export function createSettlement(scope: SettlementScope): Settlement {
  return new RequestSettlement(scope);
}
