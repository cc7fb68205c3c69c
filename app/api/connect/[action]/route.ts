import { requireUser } from "@/lib/auth/current-user";
import { approveAuthorization, denyAuthorization } from "@/lib/connect/consent-service";
import { approveSchema, denySchema } from "@/lib/connect/consent-wire";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** The consent page's answer: approve (signed in, vault unlocked) or deny. */
export function POST(request: Request, context: { params: Promise<{ action: string }> }): Promise<Response> {
  return jsonRoute("POST /api/connect/[action]", async () => {
    const { action } = await context.params;
    const issuer = new URL(request.url).origin;
    if (action === "approve") {
      const user = await requireUser();
      return approveAuthorization({ userId: user.id, body: await readJson({ request, schema: approveSchema }), issuer, now: Date.now() });
    }
    if (action === "deny") {
      const { requestId } = await readJson({ request, schema: denySchema });
      return denyAuthorization({ requestId, issuer, now: Date.now() });
    }
    throw new AppError({ code: "not_found", message: "No such action." });
  });
}
