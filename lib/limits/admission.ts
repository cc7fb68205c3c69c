// Whether one gateway request may start: the connection's status, its signed limits (monthly
// budget, requests per minute) and the account-wide monthly cap. Budgets are hard: a request
// is admitted only if everything spent this month, plus every reservation still in flight,
// plus this request's worst-case cost stays within each budget. Pure: the account's Durable
// Object gathers the figures, calls this, and stores the result in one step.
import { decideSlidingWindow, type SlidingWindowDecision } from "./sliding-window";

export type ConnectionStatus = "active" | "paused" | "revoked";

export interface SpendFigures {
  /** Settled this month (micro-dollars). */
  spentMicroUsd: number;
  /** Held by requests still in flight. */
  reservedMicroUsd: number;
}

export interface AdmissionInput {
  now: number;
  status: ConnectionStatus;
  /** From the connection's verified policy; null = no limit. */
  budgetMicroUsd: number | null;
  rpm: number | null;
  /** The person's account-wide monthly cap; null = none. */
  accountCapMicroUsd: number | null;
  connection: SpendFigures;
  account: SpendFigures;
  /** Admission times of the connection's recent requests (for rpm). */
  rateLog: readonly number[];
  /** This request's worst-case cost; null when the model has no price. */
  costMicroUsd: number | null;
}

export type RefusalReason = "revoked" | "paused" | "rate_limited" | "price_unknown" | "budget_exhausted" | "account_cap_reached";

export type AdmissionResult =
  | {
      ok: true;
      rate: SlidingWindowDecision | null;
      /** The log to store (this request added). */
      rateLog: number[];
      /** The amount to hold for this request. */
      reserveMicroUsd: number;
      /** The tighter of the connection's and the account's budgets left after this reservation; null if neither is set. */
      budgetRemainingMicroUsd: number | null;
    }
  | {
      ok: false;
      reason: RefusalReason;
      rate: SlidingWindowDecision | null;
      /** For budget refusals: the limit that was hit and the figures behind it. */
      limitMicroUsd?: number;
      spentMicroUsd?: number;
      reservedMicroUsd?: number;
    };

export function decideAdmission(input: AdmissionInput): AdmissionResult {
  checkMoney(input.budgetMicroUsd, "budgetMicroUsd");
  checkMoney(input.accountCapMicroUsd, "accountCapMicroUsd");
  checkMoney(input.costMicroUsd, "costMicroUsd");
  if (input.status !== "active") return { ok: false, reason: input.status, rate: null };

  const windowed = input.rpm === null ? null : decideSlidingWindow({ log: input.rateLog, limit: input.rpm, now: input.now });
  if (windowed && !windowed.decision.allowed) return { ok: false, reason: "rate_limited", rate: windowed.decision };

  const budgeted = input.budgetMicroUsd !== null || input.accountCapMicroUsd !== null;
  if (budgeted && input.costMicroUsd === null) return { ok: false, reason: "price_unknown", rate: windowed?.decision ?? null };
  const cost = input.costMicroUsd ?? 0;

  const overConnection = exceeds(input.budgetMicroUsd, input.connection, cost);
  if (overConnection) return { ok: false, reason: "budget_exhausted", rate: windowed?.decision ?? null, ...overConnection };
  const overAccount = exceeds(input.accountCapMicroUsd, input.account, cost);
  if (overAccount) return { ok: false, reason: "account_cap_reached", rate: windowed?.decision ?? null, ...overAccount };

  const left = [remaining(input.budgetMicroUsd, input.connection, cost), remaining(input.accountCapMicroUsd, input.account, cost)].filter((v): v is number => v !== null);
  return {
    ok: true,
    rate: windowed?.decision ?? null,
    rateLog: windowed?.log ?? [],
    reserveMicroUsd: cost,
    budgetRemainingMicroUsd: left.length === 0 ? null : Math.min(...left),
  };
}

function exceeds(limit: number | null, figures: SpendFigures, cost: number) {
  if (limit === null) return null;
  if (figures.spentMicroUsd + figures.reservedMicroUsd + cost <= limit) return null;
  return { limitMicroUsd: limit, spentMicroUsd: figures.spentMicroUsd, reservedMicroUsd: figures.reservedMicroUsd };
}

function remaining(limit: number | null, figures: SpendFigures, cost: number): number | null {
  return limit === null ? null : Math.max(0, limit - figures.spentMicroUsd - figures.reservedMicroUsd - cost);
}

function checkMoney(value: number | null, name: string): void {
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) throw new RangeError(`${name} must be a non-negative safe integer or null`);
}
