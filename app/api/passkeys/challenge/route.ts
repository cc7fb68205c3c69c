import { requireUser } from "@/lib/auth/current-user";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { registrationOptionsFor, unlockOptionsFor } from "@/lib/passkeys/passkey-service";
import { challengeRequestSchema } from "@/lib/passkeys/wire";

/** A single-use WebAuthn challenge for the signed-in account: to create a passkey, or to unlock with one. */
export function POST(request: Request): Promise<Response> {
  return jsonRoute("POST /api/passkeys/challenge", async () => {
    const user = await requireUser();
    const { purpose } = await readJson({ request, schema: challengeRequestSchema });
    return purpose === "register" ? registrationOptionsFor({ userId: user.id, email: user.email }) : unlockOptionsFor({ userId: user.id });
  });
}
