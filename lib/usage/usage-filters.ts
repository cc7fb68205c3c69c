import { z } from "zod";
import { AppError } from "../errors/app-error";
import { GATEWAY_APIS } from "../gateway/endpoint";
import { describeFieldIssue } from "../errors/field-sentences";
import { PROVIDER_IDS } from "../providers/registry/provider-ids";

// The query string of GET /api/usage, validated once (zod). Filters apply to every view.

const id = z.string().regex(/^[0-9a-f]{32}$/);
const name = z.string().min(1).max(120).regex(/^[A-Za-z0-9._:@/-]+$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const usageViewSchema = z.enum(["summary", "series", "log", "csv"]);
export type UsageView = z.infer<typeof usageViewSchema>;

/** "ok": answered (status below 400); "error": refused or failed (400 and above). */
export const statusFilterSchema = z.enum(["ok", "error"]);
export type StatusFilter = z.infer<typeof statusFilterSchema>;

export const usageQuerySchema = z.strictObject({
  view: usageViewSchema.default("log"),
  range: z.enum(["today", "month", "custom"]).default("month"),
  from: day.optional(),
  to: day.optional(),
  connection: id.optional(),
  provider: z.enum(PROVIDER_IDS).optional(),
  model: name.optional(),
  /** Which API (chat, messages, count_tokens, …). */
  api: z.enum(GATEWAY_APIS).optional(),
  status: statusFilterSchema.optional(),
  /** Series: what the stacks are (app/connection or provider). */
  by: z.enum(["connection", "provider"]).default("connection"),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type UsageQuery = z.infer<typeof usageQuerySchema>;

export interface UsageFilters {
  connectionId?: string;
  provider?: string;
  model?: string;
  api?: string;
  status?: StatusFilter;
}

export const filtersOf = (q: UsageQuery): UsageFilters => ({ connectionId: q.connection, provider: q.provider, model: q.model, api: q.api, status: q.status });

/** Reads a URLSearchParams, dropping empty values (an empty <select> sends ""); 400 naming the bad one. */
export function parseUsageQuery(params: URLSearchParams): UsageQuery {
  const raw: Record<string, string> = {};
  for (const [key, value] of params) if (value !== "") raw[key] = value;
  const parsed = usageQuerySchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const { field, message } = describeFieldIssue(parsed.error.issues[0]);
  throw new AppError({ code: "bad_request", field, message });
}
