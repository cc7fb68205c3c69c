// Shapes of the usage views, shared by the queries, the API and the dashboard.
import type { UsageEntry } from "../account/ledger-types";

/** A usage record as the gateway writes it (lib/account/ledger-types.ts), with its id, time and app name. */
export interface UsageLogRow extends Omit<UsageEntry, "at"> {
  id: string;
  createdAt: number;
  connectionName: string | null;
}

/** Every key test (a vault key's Test button) counts as this one series, "Key tests", never as an app. */
export const KEY_TESTS = { key: "key-tests", label: "Key tests" } as const;

export interface UsageTotals {
  requests: number;
  errors: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
}

/** One row of SQL GROUP BY (connection, provider, model, API). */
export interface UsageGroupRow extends UsageTotals {
  connectionId: string;
  connectionName: string | null;
  provider: string;
  model: string;
  api: string;
}

export interface UsageBreakdownRow extends UsageTotals {
  key: string;
  label: string;
}

export interface UsageSummary {
  range: { name: string; from: number; to: number; bucket: "hour" | "day" };
  totals: UsageTotals;
  byConnection: UsageBreakdownRow[];
  byProvider: UsageBreakdownRow[];
  byModel: UsageBreakdownRow[];
  /** Which API the requests used (chat completions, Anthropic Messages, …). */
  byApi: UsageBreakdownRow[];
}

/** One row of SQL GROUP BY (time bucket, series key). */
export interface UsageSeriesRow {
  bucket: number;
  key: string;
  label: string;
  requests: number;
  costMicroUsd: number;
}

export interface UsageSeries {
  range: { name: string; from: number; to: number; bucket: "hour" | "day" };
  by: "connection" | "provider";
  keys: { key: string; label: string }[];
  /** One point per bucket: `cost:<key>` in dollars and `req:<key>` counts, zeros included. */
  points: Record<string, number>[];
}

export interface UsageLogPage {
  rows: UsageLogRow[];
  nextCursor: string | null;
}
