import { z } from "zod";
import { requestSignInEmail } from "@/lib/auth/sign-in-flow";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** Emails a sign-in code and link (JSON API for scripts and the consent popup; same limits as the form). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/signin/request",
    async () => {
      const body = await readJson({ request, schema: z.strictObject({ email: z.string(), callbackUrl: z.string().optional() }) });
      const { email } = await requestSignInEmail({ email: body.email, callbackPath: body.callbackUrl, clientIp: request.headers.get("cf-connecting-ip") });
      return { email, sent: true };
    },
    202,
  );
}
