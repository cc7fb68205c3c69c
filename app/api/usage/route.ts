import { requireUser } from "@/lib/auth/current-user";
import { errorToResponse } from "@/lib/errors/to-response";
import { jsonRoute } from "@/lib/http/json-route";
import { parseUsageQuery } from "@/lib/usage/usage-filters";
import { usageCsvFor, usageLogFor, usageSeriesFor, usageSummaryFor } from "@/lib/usage/usage-service";

/**
 * The signed-in person's usage: `view=summary|series|log|csv`, `range=today|month|custom`
 * (`from`, `to`: YYYY-MM-DD, UTC), filters `connection`, `provider`, `model`, `status=ok|error`,
 * `by=connection|provider` (series), `cursor` and `limit` (log).
 */
export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  if (params.get("view") === "csv") {
    try {
      const user = await requireUser();
      const { stream, filename } = usageCsvFor({ userId: user.id, query: parseUsageQuery(params) });
      return new Response(stream, {
        headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store", "x-content-type-options": "nosniff" },
      });
    } catch (error) {
      return errorToResponse({ error, where: "GET /api/usage (csv)" });
    }
  }
  return jsonRoute("GET /api/usage", async () => {
    const user = await requireUser();
    const query = parseUsageQuery(params);
    if (query.view === "summary") return usageSummaryFor({ userId: user.id, query });
    if (query.view === "series") return usageSeriesFor({ userId: user.id, query });
    return usageLogFor({ userId: user.id, query });
  });
}
