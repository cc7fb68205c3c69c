// The request log as CSV (RFC 4180): CRLF line ends, fields quoted when they hold a comma,
// a quote or a line break, quotes doubled. A cell that a spreadsheet would run as a formula
// (starting with = + - @, or a tab or carriage return) gets a leading ' (OWASP "CSV injection").

import { formatMicroUsd } from "../money/money";
import type { UsageLogRow } from "./usage-types";

const formulaStart = /^[=+\-@\t\r]/;

/** One field, neutralised and quoted as needed. Numbers are written as they are. */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: (string | number | boolean | null)[]): string => `${cells.map(csvCell).join(",")}\r\n`;

export const USAGE_CSV_HEADER = [
  "time_utc",
  "request_id",
  "app",
  "connection_id",
  "provider",
  "model",
  "status",
  "error_code",
  "input_tokens",
  "output_tokens",
  "cached_tokens",
  "cost_usd",
  "latency_ms",
  "streamed",
  "api",
];

export function usageCsvRow(r: UsageLogRow): string {
  return csvLine([
    new Date(r.createdAt).toISOString(),
    r.id,
    r.connectionName ?? "(removed)",
    r.connectionId,
    r.provider,
    r.model,
    r.status,
    r.errorCode,
    r.inputTokens,
    r.outputTokens,
    r.cachedTokens,
    formatMicroUsd(r.costMicroUsd),
    r.latencyMs,
    r.streamed,
    r.api,
  ]);
}

export const usageCsvHeader = (): string => csvLine(USAGE_CSV_HEADER);
