import { requireUser } from "@/lib/auth/current-user";
import { createTokenFor, listConnectionsFor, revokeAllFor } from "@/lib/connections/connection-service";
import { createTokenSchema } from "@/lib/connections/wire";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** The signed-in person's connections (tokens and apps), newest first, with this month's spend. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/connections", async () => listConnectionsFor({ userId: (await requireUser()).id }));
}

/** Stores a scoped token built in the browser (wrapped material, verifier, signed policy). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/connections",
    async () => {
      const user = await requireUser();
      return createTokenFor({ userId: user.id, body: await readJson({ request, schema: createTokenSchema }) });
    },
    201,
  );
}

/** Revoke everything: every connection of the account at once. */
export function DELETE(): Promise<Response> {
  return jsonRoute("DELETE /api/connections", async () => ({ revoked: await revokeAllFor({ userId: (await requireUser()).id }) }));
}
