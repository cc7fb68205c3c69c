import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { recordUnlockFor } from "@/lib/passkeys/passkey-service";
import { unlockedSchema } from "@/lib/passkeys/wire";

/** The browser opened the vault with a passkey: the assertion is verified and the use recorded. */
export function POST(request: Request): Promise<Response> {
  return jsonRoute("POST /api/passkeys/unlocked", async () => {
    const user = await requireUser();
    const { credential } = await readJson({ request, schema: unlockedSchema });
    return recordUnlockFor({ userId: user.id, response: credential });
  });
}
