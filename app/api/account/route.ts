import { getAccountSnapshot } from "@/lib/account/account-object";
import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";

/** The signed-in account's live state, from its Durable Object. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/account", async () => getAccountSnapshot({ accountId: (await requireUser()).id }));
}
