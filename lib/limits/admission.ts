// Whether one gateway request may start: the connection's status, its signed limits (monthly
// budget, requests per minute) and the account-wide monthly cap. Budgets are hard: a request
// is admitted only if everything spent this month, plus every reservation still in flight,
// plus this request's worst-case cost stays within each budget. Pure: the account's Durable
// Object gathers the figures, calls this, and stores the result in one step.
import { affordableOutputPerChoice, fitOutputToBudget, type OutputFit } from "./fit-output";
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
  /** How the cost falls with a lower output limit (null: unpriced, or not an output-bounded call). */
  fit?: OutputFit | null;
  /** The policy's "fit output to budget" (v2): lower the output limit rather than refuse. */
  fitOutput?: boolean;
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
      /** Set when the output limit was lowered to fit the budget: the new limit per choice and in all. */
      fitted: { perChoice: number; outputTokens: number } | null;
    }
  | {
      ok: false;
      reason: RefusalReason;
      rate: SlidingWindowDecision | null;
      /** For budget refusals: the limit that was hit and the figures behind it. */
      limitMicroUsd?: number;
      spentMicroUsd?: number;
      reservedMicroUsd?: number;
      /** For budget refusals: what this request would have held (its worst case). */
      requestMicroUsd?: number;
      /** For budget refusals of output-bounded calls: the largest output limit per choice that would fit (0: none would). */
      fitsPerChoice?: number;
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
  let cost = input.costMicroUsd ?? 0;

  let fitted: { perChoice: number; outputTokens: number } | null = null;
  const over = exceeds(input.budgetMicroUsd, input.connection, cost) ?? exceeds(input.accountCapMicroUsd, input.account, cost);
  if (over) {
    const headroom = Math.min(...[left(input.budgetMicroUsd, input.connection), left(input.accountCapMicroUsd, input.account)].filter((v): v is number => v !== null));
    const fit = input.fit ?? null;
    const lowered = fit && input.fitOutput ? fitOutputToBudget({ fit, headroomMicroUsd: headroom }) : null;
    if (!lowered?.fitted) {
      const reason = exceeds(input.budgetMicroUsd, input.connection, cost) ? "budget_exhausted" : "account_cap_reached";
      const suggestion = fit ? { fitsPerChoice: affordableOutputPerChoice({ fit, headroomMicroUsd: headroom }) } : {};
      return { ok: false, reason, rate: windowed?.decision ?? null, ...over, requestMicroUsd: cost, ...suggestion };
    }
    fitted = { perChoice: lowered.perChoice, outputTokens: lowered.outputTokens };
    cost = lowered.costMicroUsd;
  }

  const remainders = [remaining(input.budgetMicroUsd, input.connection, cost), remaining(input.accountCapMicroUsd, input.account, cost)].filter((v): v is number => v !== null);
  return {
    ok: true,
    rate: windowed?.decision ?? null,
    rateLog: windowed?.log ?? [],
    reserveMicroUsd: cost,
    budgetRemainingMicroUsd: remainders.length === 0 ? null : Math.min(...remainders),
    fitted,
  };
}

function exceeds(limit: number | null, figures: SpendFigures, cost: number) {
  if (limit === null) return null;
  if (figures.spentMicroUsd + figures.reservedMicroUsd + cost <= limit) return null;
  return { limitMicroUsd: limit, spentMicroUsd: figures.spentMicroUsd, reservedMicroUsd: figures.reservedMicroUsd };
}

/** What a budget has left before this request (null: no budget). */
function left(limit: number | null, figures: SpendFigures): number | null {
  return limit === null ? null : limit - figures.spentMicroUsd - figures.reservedMicroUsd;
}

function remaining(limit: number | null, figures: SpendFigures, cost: number): number | null {
  return limit === null ? null : Math.max(0, limit - figures.spentMicroUsd - figures.reservedMicroUsd - cost);
}

function checkMoney(value: number | null, name: string): void {
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) throw new RangeError(`${name} must be a non-negative safe integer or null`);
}
