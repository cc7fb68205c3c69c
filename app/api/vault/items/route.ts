import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { addItemFor } from "@/lib/vault/vault-service";
import { addItemSchema } from "@/lib/vault/wire";

/** Adds a provider key, sealed in the browser under the vault key. */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/vault/items",
    async () => {
      const user = await requireUser();
      return addItemFor({ userId: user.id, body: await readJson({ request, schema: addItemSchema }) });
    },
    201,
  );
}
