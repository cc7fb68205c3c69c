import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";
import { signInWithPasskey } from "@/lib/passkeys/passkey-sign-in";
import { signInSchema } from "@/lib/passkeys/wire";

/** Signs in with a passkey: answers with the URL that sets the session (as the emailed code's does). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute("POST /api/passkeys/sign-in", async () => {
    const { credential, callbackUrl } = await readJson({ request, schema: signInSchema });
    return signInWithPasskey({ response: credential, callbackUrl });
  });
}
