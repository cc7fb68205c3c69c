import { requireUser } from "@/lib/auth/current-user";
import { revokeConnectionFor } from "@/lib/connections/connection-service";
import { connectionIdSchema } from "@/lib/connections/wire";
import { AppError } from "@/lib/errors/app-error";
import { jsonRoute } from "@/lib/http/json-route";

/** The kill switch for one connection: its next request is refused. */
export function POST(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  return jsonRoute("POST /api/connections/[id]/revoke", async () => {
    const user = await requireUser();
    const id = connectionIdSchema.safeParse((await context.params).id);
    if (!id.success) throw new AppError({ code: "not_found", message: "No such connection." });
    await revokeConnectionFor({ userId: user.id, connectionId: id.data });
  });
}
