import { jsonRoute } from "@/lib/http/json-route";
import { signInOptions } from "@/lib/passkeys/passkey-sign-in";

/** A single-use challenge to sign in with a passkey (no session yet; limited per client address). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute("POST /api/passkeys/sign-in/challenge", () => signInOptions({ clientIp: request.headers.get("cf-connecting-ip") }));
}
