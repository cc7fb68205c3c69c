import { getAccountSnapshot } from "@/lib/account/account-object";
import { requireUser } from "@/lib/auth/current-user";
import { errorToResponse } from "@/lib/errors/to-response";

/** The signed-in account's live state, from its Durable Object. */
export async function GET(): Promise<Response> {
  try {
    const user = await requireUser();
    const snapshot = await getAccountSnapshot({ accountId: user.id });
    return Response.json(snapshot, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return errorToResponse({ error, where: "GET /api/account" });
  }
}
