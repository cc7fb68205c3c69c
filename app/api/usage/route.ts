import { requireUser } from "@/lib/auth/current-user";
import { createDb } from "@/lib/db/client";
import { listRecentUsage } from "@/lib/db/usage-queries";
import { getServerEnv } from "@/lib/env/server-env";
import { jsonRoute } from "@/lib/http/json-route";

/** The signed-in person's 50 most recent gateway requests. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/usage", async () => {
    const user = await requireUser();
    return { requests: await listRecentUsage({ db: createDb(getServerEnv().DB), userId: user.id }) };
  });
}
