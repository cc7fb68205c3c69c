import { requireUser } from "@/lib/auth/current-user";
import { approveAuthorization, denyAuthorization } from "@/lib/connect/consent-service";
import { approveDeviceAuthorization, denyDeviceAuthorization } from "@/lib/connect/device-consent-service";
import { approveSchema, denySchema } from "@/lib/connect/consent-wire";
import { getServerEnv } from "@/lib/env/server-env";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/** The consent page's answer: approve (signed in, vault unlocked) or deny; an app's request, or a device's (decision 021). */
export function POST(request: Request, context: { params: Promise<{ action: string }> }): Promise<Response> {
  return jsonRoute("POST /api/connect/[action]", async () => {
    const { action } = await context.params;
    // RFC 9207 `iss`: our public origin (PUBLIC_URL), never the request's Host.
    const issuer = getServerEnv().PUBLIC_URL;
    if (action === "approve") {
      const user = await requireUser();
      return approveAuthorization({ userId: user.id, body: await readJson({ request, schema: approveSchema }), issuer, now: Date.now() });
    }
    if (action === "deny") {
      const { requestId } = await readJson({ request, schema: denySchema });
      return denyAuthorization({ requestId, issuer, now: Date.now() });
    }
    if (action === "device-approve") {
      const user = await requireUser();
      return approveDeviceAuthorization({ userId: user.id, body: await readJson({ request, schema: approveSchema }), now: Date.now() });
    }
    if (action === "device-deny") {
      const { requestId } = await readJson({ request, schema: denySchema });
      return denyDeviceAuthorization({ requestId, now: Date.now() });
    }
    throw new AppError({ code: "not_found", message: "No such action." });
  });
}
