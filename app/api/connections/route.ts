import { requireUser } from "@/lib/auth/current-user";
import { createTokenFor, listConnectionsFor } from "@/lib/connections/connection-service";
import { createTokenSchema } from "@/lib/connections/wire";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** The signed-in person's connections (tokens and apps), newest first. */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/connections", async () => ({ connections: await listConnectionsFor({ userId: (await requireUser()).id }) }));
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
