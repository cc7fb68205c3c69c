import { z } from "zod";
import { emailAddressSchema } from "@/lib/auth/email-address";
import { verifySignInCode } from "@/lib/auth/sign-in-flow";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/**
 * Checks a typed code (counting wrong attempts) and answers with the URL that finishes the
 * sign-in: opening it uses the code up and sets the session cookie.
 */
export function POST(request: Request): Promise<Response> {
  return jsonRoute("POST /api/signin/verify", async () => {
    const body = await readJson({ request, schema: z.strictObject({ email: emailAddressSchema, code: z.string().max(20), callbackUrl: z.string().optional() }) });
    const { url } = await verifySignInCode({ email: body.email, code: body.code, callbackPath: body.callbackUrl ?? "/dashboard", clientIp: request.headers.get("cf-connecting-ip") });
    return { next: url };
  });
}
