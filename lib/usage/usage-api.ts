import { callJson } from "../http/client-json";
import type { UsageLogPage, UsageSeries, UsageSummary } from "./usage-types";

// The browser's calls to GET /api/usage. The same parameters make the CSV link.

export interface UsageParams {
  range: "today" | "month" | "custom";
  from?: string;
  to?: string;
  connection?: string;
  provider?: string;
  model?: string;
  api?: string;
  status?: "ok" | "error";
  by?: "connection" | "provider";
}

export function usageSearch(params: UsageParams & { view: string; cursor?: string; limit?: number }): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === "") continue;
    if ((key === "from" || key === "to") && params.range !== "custom") continue;
    search.set(key, String(value));
  }
  return `/api/usage?${search.toString()}`;
}

export const usageApi = {
  summary: (p: UsageParams) => callJson<UsageSummary>(usageSearch({ ...p, by: undefined, view: "summary" })),
  series: (p: UsageParams) => callJson<UsageSeries>(usageSearch({ ...p, view: "series" })),
  log: (p: UsageParams, cursor?: string, limit = 25) => callJson<UsageLogPage>(usageSearch({ ...p, by: undefined, view: "log", cursor, limit })),
  csvHref: (p: UsageParams) => usageSearch({ ...p, by: undefined, view: "csv" }),
};
