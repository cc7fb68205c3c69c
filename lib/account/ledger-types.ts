// What the gateway and the dashboard exchange with the account's Durable Object (RPC).
// Plain data only: it crosses the RPC boundary by structured clone.
import type { ConnectionStatus, RefusalReason } from "../limits/admission";
import type { OutputFit } from "../limits/fit-output";
import type { SlidingWindowDecision } from "../limits/sliding-window";
import type { GatewayApi } from "../gateway/endpoint";

/** A usage record as the gateway knows it (never the prompt or the completion). */
export interface UsageEntry {
  connectionId: string;
  provider: string;
  model: string;
  status: number;
  errorCode: string | null;
  inputTokens: number;
  outputTokens: number;
  cachedTokens: number;
  costMicroUsd: number;
  latencyMs: number;
  streamed: boolean;
  /** Which API the request used (records queued before this field existed read as "chat"). */
  api: GatewayApi;
  at: number;
}

export interface BeginInput {
  accountId: string;
  connectionId: string;
  /** From the connection's verified policy. */
  budgetMicroUsd: number | null;
  rpm: number | null;
  /** Worst-case cost of this request; null when the model has no price. */
  costMicroUsd: number | null;
  /** How its cost falls with a lower output limit (null: unpriced, or no output bound). */
  fit?: OutputFit | null;
  /** The verified policy's "fit output to budget" (policy v2). */
  fitOutput?: boolean;
  /** How long the reservation may stay open before the alarm settles it. */
  leaseMs: number;
  /** The record to write if the request is refused here, or if its lease runs out. */
  pending: Omit<UsageEntry, "status" | "errorCode" | "costMicroUsd" | "latencyMs" | "at" | "inputTokens" | "outputTokens" | "cachedTokens">;
}

export type BeginResult =
  | {
      ok: true;
      reservationId: string;
      rate: SlidingWindowDecision | null;
      budgetRemainingMicroUsd: number | null;
      reservedMicroUsd: number;
      /** The output limit was lowered to fit the budget (policy v2 "fit output to budget"): per choice and in all. */
      fitted?: { perChoice: number; outputTokens: number } | null;
    }
  | {
      ok: false;
      reason: RefusalReason;
      rate: SlidingWindowDecision | null;
      limitMicroUsd?: number;
      spentMicroUsd?: number;
      reservedMicroUsd?: number;
      /** What this request would have held (its worst case). */
      requestMicroUsd?: number;
      /** The largest output limit per choice that would have fitted (0: none); absent when not known. */
      fitsPerChoice?: number;
      /** When a monthly budget resets (ms since the epoch). */
      resetsAt: number;
    };

export interface FinishInput {
  accountId: string;
  /** null for a request refused before it reached the object (bad model, scope): record only. */
  reservationId: string | null;
  /** The connection's budget from its verified policy (for the remaining figure). */
  budgetMicroUsd: number | null;
  entry: UsageEntry;
  /** What the provider said about the vault key used, when it differs from what the object had. */
  keyVerdict?: { itemId: string; keyVersion: number; status: "ok" | "rejected" };
}

export interface SpendSummary {
  month: string;
  resetsAt: number;
  accountCapMicroUsd: number | null;
  account: { spentMicroUsd: number; reservedMicroUsd: number; requests: number };
  connections: Record<string, { spentMicroUsd: number; reservedMicroUsd: number; requests: number; status: ConnectionStatus }>;
}

/** One connection's month, for its own token (GET /v1/relay/status): nothing of the account or other connections. */
export interface ConnectionSpend {
  month: string;
  resetsAt: number;
  spentMicroUsd: number;
  reservedMicroUsd: number;
  requests: number;
}
