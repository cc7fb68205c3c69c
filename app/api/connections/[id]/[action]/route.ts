import { requireUser } from "@/lib/auth/current-user";
import { revokeConnectionFor, setPausedFor, updatePolicyFor } from "@/lib/connections/connection-service";
import { connectionActionSchema, connectionIdSchema, resumeSchema, updatePolicySchema } from "@/lib/connections/wire";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";
import { readJson } from "@/lib/http/read-json";

/**
 * One connection's controls: revoke (the kill switch: its next request is refused), pause,
 * resume and policy (both loosen: signed in the browser with the vault unlocked).
 */
export function POST(request: Request, context: { params: Promise<{ id: string; action: string }> }): Promise<Response> {
  return jsonRoute("POST /api/connections/[id]/[action]", async () => {
    const user = await requireUser();
    const params = await context.params;
    const id = connectionIdSchema.safeParse(params.id);
    const action = connectionActionSchema.safeParse(params.action);
    if (!id.success || !action.success) throw new AppError({ code: "not_found", message: "No such connection or action." });
    const input = { userId: user.id, connectionId: id.data };
    switch (action.data) {
      case "revoke":
        return revokeConnectionFor(input);
      case "pause":
        return setPausedFor({ ...input, paused: true });
      case "resume":
        // Loosening: the vault signing key's proof travels in the body (none: refused with 403).
        return setPausedFor({ ...input, paused: false, proof: request.headers.has("content-type") ? (await readJson({ request, schema: resumeSchema })).proof : undefined });
      case "policy":
        return { version: await updatePolicyFor({ ...input, body: await readJson({ request, schema: updatePolicySchema }) }) };
    }
  });
}
