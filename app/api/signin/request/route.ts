import { z } from "zod";
import { savePendingSignIn } from "@/lib/auth/pending-sign-in";
import { requestSignInEmail } from "@/lib/auth/sign-in-flow";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** Emails a sign-in code and link (JSON API for scripts and the consent popup; same limits as the form). */
export function POST(request: Request): Promise<Response> {
  return jsonRoute(
    "POST /api/signin/request",
    async () => {
      const body = await readJson({ request, schema: z.strictObject({ email: z.string(), callbackUrl: z.string().optional() }) });
      const pending = await requestSignInEmail({ email: body.email, callbackPath: body.callbackUrl, clientIp: request.headers.get("cf-connecting-ip") });
      // This browser asked: the emailed link, opened here, signs in without a second click.
      await savePendingSignIn(pending);
      return { email: pending.email, sent: true };
    },
    202,
  );
}
