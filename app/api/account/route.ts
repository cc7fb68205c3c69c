import { z } from "zod";
import { getAccountSnapshot } from "@/lib/account/account-object";
import { requireUser } from "@/lib/auth/current-user";
import { setAccountCapFor } from "@/lib/connections/connection-service";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { usdToMicroUsd } from "@/lib/limits/admission";

/** The signed-in account's live state, from its Durable Object. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/account", async () => getAccountSnapshot({ accountId: (await requireUser()).id }));
}

const capSchema = z.strictObject({ monthlyCapUsd: z.number().min(0).max(1_000_000).nullable() });

/** Sets the account-wide monthly cap across all connections (null removes it). */
export function PUT(request: Request): Promise<Response> {
  return jsonRoute("PUT /api/account", async () => {
    const user = await requireUser();
    const { monthlyCapUsd } = await readJson({ request, schema: capSchema });
    await setAccountCapFor({ userId: user.id, capMicroUsd: monthlyCapUsd === null ? null : usdToMicroUsd(monthlyCapUsd) });
    return { monthlyCapUsd };
  });
}
