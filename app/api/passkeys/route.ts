import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { addPasskeyFor, listPasskeysFor } from "@/lib/passkeys/passkey-service";
import { addPasskeySchema } from "@/lib/passkeys/wire";

/** The signed-in account's passkeys: names, dates, PRF salts and wrapped vault keys (envelopes). */
export function GET(): Promise<Response> {
  return jsonRoute("GET /api/passkeys", async () => ({ passkeys: await listPasskeysFor({ userId: (await requireUser()).id }) }));
}

/** Adds a passkey: a signed action (`vault.passkey.add`) carrying the registration and VK wrapped for it. */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/passkeys",
    async () => {
      const user = await requireUser();
      return addPasskeyFor({ userId: user.id, body: await readJson({ request, schema: addPasskeySchema }) });
    },
    201,
  );
}
